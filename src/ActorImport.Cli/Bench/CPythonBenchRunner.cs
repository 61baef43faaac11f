using System.Diagnostics;
using System.Globalization;
using ActorImport.Stress.Reports;

namespace ActorImport.Cli.Bench;

/// <summary>
/// Times the machine's <c>python3</c> importing a <see cref="BenchWorkload"/>: one process per
/// repetition, <c>python3 -I -S</c> (the start-up modules the engine also starts with), the
/// import timed inside the process with <c>time.perf_counter</c> so that interpreter start-up
/// is not counted; the process's wall time is kept beside it. Bytecode lives under
/// <c>-X pycache_prefix</c> directories of its own, so neither the tree's nor the stdlib's
/// <c>__pycache__</c> is read or written: cold = <c>-B</c> with an empty prefix, warm = a prefix
/// the warm-up run filled. Owns both directories (deleted on dispose); one caller at a time.
/// </summary>
internal sealed class CPythonBenchRunner : IDisposable
{
    // argv: threads (0 = memory probe on one thread), k, k path entries, entry points.
    // Prints: seconds, modules added, traced bytes (0 unless probing memory), CPU seconds of the process meanwhile.
    private const string Script = """
        import sys, time
        n = int(sys.argv[1]); k = int(sys.argv[2])
        sys.path[0:0] = sys.argv[3:3 + k]
        names = sys.argv[3 + k:]
        failed = []
        def work(i):
            try:
                for j in range(len(names)):
                    __import__(names[(i + j) % len(names)])
            except BaseException as e:
                failed.append(f'{type(e).__name__}: {e}')
        traced = 0
        cpu = time.process_time()
        if n == 0:
            import _tracemalloc
            _tracemalloc.start()
            before = len(sys.modules)
            work(0)
            traced = _tracemalloc.get_traced_memory()[0]
            elapsed = 0.0
        elif n == 1:
            before = len(sys.modules)
            start = time.perf_counter()
            work(0)
            elapsed = time.perf_counter() - start
        else:
            # _thread, not threading: it is built in and already loaded, so the threads add no module.
            import _thread
            go = _thread.allocate_lock(); go.acquire()
            done = _thread.allocate_lock(); done.acquire()
            guard = _thread.allocate_lock(); finished = [0]
            def run(i):
                go.acquire(); go.release()
                work(i)
                with guard:
                    finished[0] += 1
                    if finished[0] == n:
                        done.release()
            before = len(sys.modules)
            start = time.perf_counter()
            for i in range(n):
                _thread.start_new_thread(run, (i,))
            go.release()
            done.acquire()
            elapsed = time.perf_counter() - start
        if failed:
            sys.exit(failed[0])
        print(elapsed, len(sys.modules) - before, traced, time.process_time() - cpu)
        """;

    private readonly BenchWorkload _workload;
    private readonly string _coldPrefix = Directory.CreateTempSubdirectory("actorimport-bench-cold-").FullName;
    private readonly string _warmPrefix = Directory.CreateTempSubdirectory("actorimport-bench-warm-").FullName;

    public CPythonBenchRunner(BenchWorkload workload, string python = "python3")
    {
        _workload = workload;
        Python = python;
    }

    public string Python { get; }

    /// <summary><c>platform.python_version()</c>.</summary>
    public string Version() => PythonProcess.Run(Python, ["-I", "-S", "-c", "import platform; print(platform.python_version())"]).Trim();

    /// <summary>One repetition: import ms and CPU ms inside python3 (<c>time.process_time</c>), modules added, process wall ms.</summary>
    public BenchSample Run(CPythonCase @case)
    {
        var watch = Stopwatch.StartNew();
        string[] fields = Execute(@case.Cold, @case.Threads);
        watch.Stop();
        return new BenchSample(
            double.Parse(fields[0], CultureInfo.InvariantCulture) * 1000,
            double.Parse(fields[3], CultureInfo.InvariantCulture) * 1000,
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Bytes <c>tracemalloc</c> (its C module, which imports nothing) traces after importing the
    /// entry points on one thread with a warm <c>__pycache__</c>: what the imported modules keep.
    /// </summary>
    public MemorySample Memory()
    {
        string[] fields = Execute(cold: false, threads: 0);
        return new MemorySample(long.Parse(fields[2], CultureInfo.InvariantCulture), 0, int.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    private string[] Execute(bool cold, int threads)
    {
        List<string> args = ["-I", "-S", "-X", $"pycache_prefix={(cold ? _coldPrefix : _warmPrefix)}"];
        if (cold)
        {
            args.Add("-B");
        }
        args.AddRange(["-c", Script, threads.ToString(CultureInfo.InvariantCulture), _workload.SearchPath.Count.ToString(CultureInfo.InvariantCulture)]);
        args.AddRange(_workload.SearchPath);
        args.AddRange(_workload.EntryPoints);
        return PythonProcess.Run(Python, args).Trim().Split('\n')[^1].Split(' ');
    }

    public void Dispose()
    {
        Directory.Delete(_coldPrefix, recursive: true);
        Directory.Delete(_warmPrefix, recursive: true);
    }
}
