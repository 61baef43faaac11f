using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Python.Interpreting;
using ActorImport.Python.Parsing;
using FsCheck.Fluent;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Property-based fuzzing of the compiled-module cache's readers with random and damaged files:
/// <see cref="PycHeader.Classify"/> throws only CPython's <c>ImportError</c> (bad magic, bad
/// flags) or <c>EOFError</c> (truncated header); <see cref="ModuleCodeReader.Deserialize"/>
/// only <see cref="InvalidDataException"/>; <see cref="CompiledModuleLoader"/> (sourceless)
/// only those <c>ImportError</c>/<c>EOFError</c>s, and a body it accepts runs to a
/// <see cref="PythonException"/> at worst; <see cref="CompiledModuleCache"/> swallows every
/// damaged file and compiles the source again.
/// </summary>
public sealed class FuzzPycTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actorimport-fuzz-pyc-" + Guid.NewGuid().ToString("N"));

    private static readonly Lazy<byte[][]> ValidFiles = new(() =>
    [
        .. FuzzInputs.Python.Take(12).Select(source =>
        {
            byte[] body = ModuleCodeWriter.Serialize(PythonParser.Parse(source, "corpus.py"));
            return (byte[])[.. PycHeader.Timestamp(1_700_000_000, source.Length), .. body];
        }),
    ]);

    public FuzzPycTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void HeaderClassificationThrowsOnlyCPythonsErrors() =>
        FuzzRun.Check("pyc header", FuzzInputs.Cases(), c => FuzzRun.Show(Damaged(c)),
            c => PycHeader.Classify(Damaged(c), "fuzzed", "fuzzed.pyc"), IsHeaderRejection, ciCases: 3000);

    [Fact]
    public void BodyReaderThrowsOnlyInvalidData() =>
        FuzzRun.Check("pyc body", FuzzInputs.Cases(), c => FuzzRun.Show(Damaged(c)),
            c => ModuleCodeReader.Deserialize(Damaged(c).AsMemory(Math.Min(PycHeader.Length, Damaged(c).Length))),
            e => e is InvalidDataException, ciCases: 2000);

    [Fact]
    public void SourcelessLoaderThrowsOnlyImportErrorsAndRunsWhatItAccepts() =>
        FuzzRun.Check("sourceless pyc", FuzzInputs.Cases(), c => FuzzRun.Show(Damaged(c)),
            c =>
            {
                string path = Path.Combine(_directory, "fuzzed.pyc");
                File.WriteAllBytes(path, Damaged(c));
                var loader = new CompiledModuleLoader("fuzzed", path, new ModuleInterpreter(new OpaqueImports(), FuzzPythonTests.SmallBudget));
                var module = new ModuleObject("fuzzed");
                module.SetAttribute("__file__", path);
                try
                {
                    loader.GetCode();
                }
                catch (PythonException e) when (IsHeaderRejection(e) || e.Message.StartsWith("Non-code object", StringComparison.Ordinal))
                {
                    return;
                }
                loader.ExecModule(module);
            },
            e => e is PythonException, ciCases: 200);

    [Fact]
    public void CacheRecompilesOverEveryDamagedFile() =>
        FuzzRun.Check("pyc cache", FuzzInputs.Cases(), c => FuzzRun.Show(Damaged(c)),
            c =>
            {
                string source = Path.Combine(_directory, "cached.py");
                File.WriteAllText(source, "import os\nX = 1\n");
                var cache = new CompiledModuleCache();
                string cachePath = cache.CachePathFor(source);
                Directory.CreateDirectory(Path.GetDirectoryName(cachePath)!);
                File.WriteAllBytes(cachePath, Damaged(c));
                cache.GetCode("cached", source, PythonParser.Parse, out _);
            },
            _ => false, ciCases: 200);

    /// <summary>A valid cache file damaged, or random bytes, or a header-sized prefix.</summary>
    private static byte[] Damaged((int Seed, int Size) c)
    {
        var random = new Random(c.Seed);
        if (random.Next(6) == 0)
        {
            byte[] noise = new byte[random.Next(c.Size + 1)];
            random.NextBytes(noise);
            if (noise.Length >= 4 && random.Next(2) == 0)
            {
                PythonTarget.MagicBytes(PythonTarget.RawMagicNumber311).CopyTo(noise);
            }
            return noise;
        }
        var data = new List<byte>(ValidFiles.Value[random.Next(ValidFiles.Value.Length)]);
        for (int m = 1 + random.Next(4); m > 0 && data.Count > 0; m--)
        {
            int at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: data.RemoveRange(at, data.Count - at); break;
                case 2: data.Insert(at, (byte)random.Next(256)); break;
                case 3: data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 32))); break;
                case 4: data[random.Next(Math.Min(16, data.Count))] = (byte)random.Next(256); break;
                default: data.InsertRange(at, data.GetRange(at, Math.Min(data.Count - at, random.Next(1, 64)))); break;
            }
        }
        return [.. data];
    }

    private static bool IsHeaderRejection(Exception e) =>
        e is ImportError { Name: "fuzzed" } || e is PythonException { TypeName: "EOFError" };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
