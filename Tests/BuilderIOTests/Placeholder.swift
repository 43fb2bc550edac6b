import Testing

@Suite struct BuilderIOTestsPlaceholder { @Test func builds() {} }
