using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// How the fuzz properties run: a modest count in the test suite, scaled up for a long run
/// outside CI by <c>ACTORIMPORT_FUZZ_SCALE</c> (a multiplier of every property's count), replayable from
/// <c>ACTORIMPORT_FUZZ_SEED</c> (FsCheck's seed; the failure message prints the one to use).
/// Each property runs on a thread-pool thread (a 1.5 MB stack, smaller than a main thread's,
/// so a missing recursion guard shows sooner) under a watchdog: a case that does not finish
/// within <see cref="HangLimit"/> fails the test naming the input it was working on.
/// Stateless apart from the per-run case counter (one instance per property run); the report file is appended under a lock.
/// </summary>
internal sealed class FuzzRun
{
    /// <summary>
    /// A single case taking this long is a hang (bounded wait only as a hang detector): 60 s, or
    /// <c>ACTORIMPORT_FUZZ_HANG_SECONDS</c> for a long run on a loaded machine, where slow but
    /// finite cases are recorded as the slowest case instead.
    /// </summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("ACTORIMPORT_FUZZ_HANG_SECONDS"), out int seconds) && seconds > 0 ? seconds : 60);

    private long _cases;
    private TimeSpan _slowest;
    private object? _slowestInput;

    /// <summary>
    /// Cases per property: <paramref name="ciCases"/> times <c>ACTORIMPORT_FUZZ_SCALE</c> when that
    /// is set (the long run outside CI), else <paramref name="ciCases"/>.
    /// </summary>
    public static int Cases(int ciCases) =>
        int.TryParse(Environment.GetEnvironmentVariable("ACTORIMPORT_FUZZ_SCALE"), out int scale) && scale > 0 ? checked(ciCases * scale) : ciCases;

    /// <summary>A fixed seed from <c>ACTORIMPORT_FUZZ_SEED</c> (<c>seed</c> or <c>seed,gamma</c>), else none (FsCheck picks one).</summary>
    private static FSharpOption<Replay> SeedFromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable("ACTORIMPORT_FUZZ_SEED");
        if (string.IsNullOrWhiteSpace(text))
        {
            return FSharpOption<Replay>.None;
        }
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        ulong seed = ulong.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        Rnd rnd = parts.Length > 1 ? new Rnd(seed, ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)) : new Rnd(seed);
        return FSharpOption<Replay>.Some(new Replay(rnd, FSharpOption<int>.None));
    }

    /// <summary>
    /// Checks that <paramref name="body"/> lets only the exceptions <paramref name="documented"/>
    /// accepts escape, for <paramref name="ciCases"/> generated inputs (or the scaled count).
    /// Returns how many cases ended how (<c>ok</c> or the documented exception's type), and
    /// appends a line to the file named by <c>ACTORIMPORT_FUZZ_REPORT</c> when it is set.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Check<T>(string name, Gen<T> inputs, Func<T, string> describe, Action<T> body, Func<Exception, bool> documented, int ciCases, int maxSize = 100)
    {
        var run = new FuzzRun();
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        object? current = null;
        Property property = Prop.ForAll(Arb.From(inputs), (T input) =>
        {
            current = input;
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                body(input);
                outcomes.AddOrUpdate("ok", 1, (_, n) => n + 1);
            }
            catch (Exception e) when (documented(e))
            {
                outcomes.AddOrUpdate(e is global::ActorImport.Model.PythonException p ? p.TypeName : e.GetType().Name, 1, (_, n) => n + 1);
            }
            catch (Exception e)
            {
                throw new FuzzFinding($"{name}: undocumented {e.GetType().FullName} for input {describe(input)}", e);
            }
            finally
            {
                Interlocked.Increment(ref run._cases);
                TimeSpan took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (took > run._slowest)
                {
                    (run._slowest, run._slowestInput) = (took, input);
                }
            }
        });
        int cases = Cases(ciCases);
        Config config = Config.QuickThrowOnFailure
            .WithName(name)
            .WithMaxTest(cases)
            .WithEndSize(maxSize)
            .WithQuietOnSuccess(true)
            .WithReplay(SeedFromEnvironment());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Task task = Task.Run(() => FsCheck.Check.One(config, property));
        // Hang detector: fail only when no case finished within HangLimit (never a timing assertion).
        long seen = -1;
        while (!task.Wait(HangLimit))
        {
            long now = Interlocked.Read(ref run._cases);
            if (now == seen)
            {
                Assert.Fail($"{name}: no case finished within {HangLimit.TotalSeconds} s after {now} cases (hang?); the input being run: {(current is T input ? describe(input) : "?")}");
            }
            seen = now;
        }
        task.GetAwaiter().GetResult();
        Report(name, cases, clock.Elapsed, outcomes, $"slowest case {run._slowest.TotalMilliseconds:F0} ms: {(run._slowestInput is T slow ? describe(slow) : "-")}");
        return outcomes;
    }

    private static void Report(string name, int cases, TimeSpan elapsed, IReadOnlyDictionary<string, long> outcomes, string slowest)
    {
        string? path = Environment.GetEnvironmentVariable("ACTORIMPORT_FUZZ_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        string line = FormattableString.Invariant($"{name}\t{cases}\t{elapsed.TotalSeconds:F1}s\t{Environment.GetEnvironmentVariable("ACTORIMPORT_FUZZ_SEED") ?? "random seed"}\t{string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))}\t{(slowest.Length > 400 ? slowest[..400] : slowest)}\n");
        lock (ReportLock)
        {
            File.AppendAllText(path, line);
        }
    }

    private static readonly object ReportLock = new();

    /// <summary>Input text for a failure message: escaped, long ones shortened in the middle.</summary>
    public static string Show(string text)
    {
        string shown = text.Length <= 300 ? text : $"{text[..150]}…[{text.Length - 300} chars]…{text[^150..]}";
        var escaped = new System.Text.StringBuilder("\"");
        foreach (char c in shown)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return escaped.Append('"').Append($" (length {text.Length})").ToString();
    }

    /// <summary>Bytes for a failure message: hex, long ones shortened.</summary>
    public static string Show(byte[] data) =>
        data.Length <= 200 ? Convert.ToHexString(data) : $"{Convert.ToHexString(data, 0, 100)}…{Convert.ToHexString(data, data.Length - 100, 100)} (length {data.Length})";
}

/// <summary>An exception no entry point documents escaped: the fuzzer's finding.</summary>
internal sealed class FuzzFinding(string message, Exception inner) : Exception(message, inner);
