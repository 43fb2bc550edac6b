import Testing

@Suite struct CLITestsPlaceholder { @Test func builds() {} }
