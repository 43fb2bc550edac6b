import Testing

@Suite struct AppBuildsTestsPlaceholder { @Test func builds() {} }
