namespace CustomerAnalytics; internal static class Placeholder {}
