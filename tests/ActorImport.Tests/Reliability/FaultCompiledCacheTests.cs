using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Python.Caching;
using ActorImport.Tests.Cli;
using ActorImport.Tests.Engine;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Several writers of one compiled cache at once (issue 11, "Faults"): <c>actorimport import</c>
/// processes, and engines in one process, compile the same tree with bytecode writing on, in
/// rounds that change every source so each round rewrites every cache file. A reader reads the
/// cache files over and over while they are written: every file it manages to open has a valid
/// PEP 552 header and a payload that deserialises (never a torn file: <see cref="AtomicFile"/>
/// writes a temporary file and renames it). Afterwards every file is valid for its source as it
/// is now, and no temporary file is left behind.
/// </summary>
public sealed class FaultCompiledCacheTests : IDisposable
{
    private const int Modules = 30;

    private static readonly TimeSpan HangDetector = TimeSpan.FromSeconds(120);

    private readonly TempTree _tree = new();

    private static readonly BytecodeCacheOptions Cache = BytecodeCacheOptions.ActorImport311;

    /// <summary>Writes (or rewrites, with a different body) every module of the tree: a chain of imports with bodies long enough that a torn write would show.</summary>
    private string[] WriteTree(int round)
    {
        var names = new List<string>();
        for (int i = 0; i < Modules; i++)
        {
            var body = new System.Text.StringBuilder();
            body.Append(i == 0 ? "import sys\n" : $"import m{i - 1}\n");
            for (int k = 0; k < 40 + round; k++)
            {
                body.Append($"def f{k}(x, y=({k}, 'r{round}')):\n    return x\nV{k} = [{k}, {round}, 'text {k} of round {round}']\n");
            }
            _tree.Write($"m{i}.py", body.ToString());
            // A distinct mtime per round (the timestamp header has one-second resolution).
            File.SetLastWriteTimeUtc(_tree[$"m{i}.py"], new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(round));
            names.Add($"m{i}");
        }
        return [.. names];
    }

    /// <summary>Reads and checks every cache file of the tree until <paramref name="stop"/>; returns how many reads it checked.</summary>
    private int ReadWhileWriting(CancellationToken stop)
    {
        int checkedReads = 0;
        while (!stop.IsCancellationRequested)
        {
            foreach (string pyc in CacheFiles())
            {
                byte[] data;
                try
                {
                    data = File.ReadAllBytes(pyc);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue; // replaced between listing and opening
                }
                AssertWhole(pyc, data);
                checkedReads++;
            }
            Thread.Yield(); // leave the writers the cores on a small machine
        }
        return checkedReads;
    }

    private string[] CacheFiles() =>
        Directory.Exists(_tree["__pycache__"]) ? Directory.GetFiles(_tree["__pycache__"], $"*.{Cache.CacheTag}.pyc") : [];

    /// <summary>A whole cache file: header of our magic with valid flags, and a payload our reader accepts.</summary>
    private static void AssertWhole(string pyc, byte[] data)
    {
        string name = Path.GetFileName(pyc).Split('.')[0];
        PycFlags flags = PycHeader.Classify(data, name, pyc, Cache.RawMagicNumber);
        Assert.False(flags.HasFlag(PycFlags.HashBased));
        ModuleCodeReader.Deserialize(data.AsMemory(PycHeader.Length));
    }

    /// <summary>After the writers: one valid, current cache file per module, and no temporary file.</summary>
    private void AssertEveryFileCurrent(string[] names)
    {
        foreach (string name in names)
        {
            string source = _tree[$"{name}.py"];
            string pyc = Cache.CacheFromSource(source);
            byte[] data = File.ReadAllBytes(pyc);
            AssertWhole(pyc, data);
            var info = new FileInfo(source);
            PycHeader.ValidateTimestamp(data, new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds(), info.Length, name, pyc);
        }
        Assert.Equal(names.Length, CacheFiles().Length);
        Assert.Empty(Directory.GetFiles(_tree["__pycache__"], "*.tmp"));
    }

    /// <summary>Runs <paramref name="writers"/> while a reader checks every cache file it can read; returns the reader's count.</summary>
    private int WithReader(Action writers)
    {
        using var stop = new CancellationTokenSource();
        Task<int> reader = Task.Factory.StartNew(() => ReadWhileWriting(stop.Token), TaskCreationOptions.LongRunning);
        try
        {
            writers();
        }
        finally
        {
            stop.Cancel();
        }
        Assert.True(reader.Wait(HangDetector), "the reader hung");
        return reader.Result;
    }

    [Fact]
    public void SeveralImportProcessesWritingOneCacheNeverLeaveATornFile()
    {
        const int processes = 3;
        for (int round = 0; round < 2; round++)
        {
            string[] names = WriteTree(round);
            WithReader(() =>
            {
                var runs = Enumerable.Range(0, processes)
                    .Select(p => Task.Factory.StartNew(
                        () => CliRunner.Run(["import", "--threads", "2", "--path", _tree.Root, "--set", "bytecode.write=true", .. (p % 2 == 0 ? names : names.Reverse())]),
                        TaskCreationOptions.LongRunning))
                    .ToArray();
                Assert.True(Task.WaitAll(runs, HangDetector), "an import process hung");
                Assert.All(runs, r => Assert.True(r.Result.ExitCode == 0, r.Result.Stderr + r.Result.Stdout));
            });
            AssertEveryFileCurrent(names);
        }
    }

    [Fact]
    public void SeveralEnginesWritingOneCacheNeverLeaveATornFile()
    {
        const int engines = 4;
        int reads = 0;
        for (int round = 0; round < 3; round++)
        {
            string[] names = WriteTree(round);
            reads += WithReader(() =>
            {
                var all = Enumerable.Range(0, engines).Select(_ => new ImportEngine(new ImportEngineOptions
                {
                    SearchPath = [_tree.Root],
                    Coordination = CoordinationMode.Locks,
                    CompiledCache = Cache,
                })).ToArray();
                try
                {
                    using var start = new Barrier(engines);
                    var threads = all.Select((engine, e) => new Thread(() =>
                    {
                        start.SignalAndWait(HangDetector);
                        foreach (string name in e % 2 == 0 ? names : names.Reverse())
                        {
                            engine.ImportModule(name);
                        }
                    })).ToArray();
                    foreach (Thread thread in threads)
                    {
                        thread.Start();
                    }
                    Assert.All(threads, t => Assert.True(t.Join(HangDetector), "an engine hung"));
                }
                finally
                {
                    foreach (ImportEngine engine in all)
                    {
                        engine.Dispose();
                    }
                }
            });
            AssertEveryFileCurrent(names);
        }
        Assert.True(reads > 0);
    }

    public void Dispose() => _tree.Dispose();
}
