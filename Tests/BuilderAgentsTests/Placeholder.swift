import Testing

@Suite struct BuilderAgentsTestsPlaceholder { @Test func builds() {} }
