import Testing

@Suite struct JSONTestsPlaceholder { @Test func builds() {} }
