namespace ActorImport.Tests.Conformance;

/// <summary>Locations inside the repository, found from the test binaries. Stateless.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds ActorImport.sln, found by walking up from the test binaries.</summary>
    public static string Root()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorImport.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"ActorImport.sln not found above {AppContext.BaseDirectory}");
    }
}
