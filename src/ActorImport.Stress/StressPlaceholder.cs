namespace ActorImport.Stress; internal static class StressPlaceholder { }
