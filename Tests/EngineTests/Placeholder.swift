import Testing

@Suite struct EngineTestsPlaceholder { @Test func builds() {} }
