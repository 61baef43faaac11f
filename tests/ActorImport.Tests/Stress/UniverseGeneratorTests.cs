using ActorImport.Stress;
using ActorImport.Tests.Conformance;
using ActorImport.Tests.Configuration;

namespace ActorImport.Tests.Stress;

public class UniverseGeneratorTests
{
    [Fact]
    public void OneSeedGivesOneUniverse()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var shape = new UniverseShape(Seed: 7, ModuleCount: 60, CycleEvery: 5);
        UniverseGenerator.Write(shape, first.Path);
        UniverseGenerator.Write(shape, second.Path);
        string[] files = Directory.GetFiles(first.Path, "*.py", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(first.Path, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(60, files.Length);
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(first.Path, file)), File.ReadAllText(Path.Combine(second.Path, file)));
        }
    }

    [Fact]
    public void ANonEmptyDirectoryIsRefused()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "keep.txt"), "mine");
        Assert.Throws<IOException>(() => UniverseGenerator.Write(new UniverseShape(1, 5), dir.Path));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir.Path, "keep.txt")));
    }

    [PythonTheory]
    [InlineData(1, 0)]
    [InlineData(2, 4)]
    [InlineData(3, 2)]
    public void CPythonImportsEveryModuleInAnyOrder(int seed, int cycleEvery)
    {
        using var dir = new TempDirectory();
        Universe universe = UniverseGenerator.Write(new UniverseShape(seed, 120, CycleEvery: cycleEvery), dir.Path);
        string script = """
            import sys, random
            sys.path.insert(0, sys.argv[1])
            names = sys.argv[3:]
            random.seed(int(sys.argv[2])); random.shuffle(names)
            for n in names:
                __import__(n)
            print(sum(1 for n in names if n in sys.modules))
            """;
        string output = PythonOracle.RunScript(script, [dir.Path, seed.ToString(), .. universe.Modules], flags: "-I -S");
        Assert.Equal(universe.Modules.Count.ToString(), output.Trim());
    }
}
