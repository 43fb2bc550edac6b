import Testing

@Suite struct BuildprintTestsPlaceholder { @Test func builds() {} }
