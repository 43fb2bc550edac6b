import Testing

@Suite struct AdminTestsPlaceholder { @Test func builds() {} }
