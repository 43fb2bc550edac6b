import Testing

@Suite struct ScenariosTestsPlaceholder { @Test func builds() {} }
