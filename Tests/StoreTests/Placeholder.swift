import Testing

@Suite struct StoreTestsPlaceholder { @Test func builds() {} }
