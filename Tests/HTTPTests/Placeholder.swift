import Testing

@Suite struct HTTPTestsPlaceholder { @Test func builds() {} }
