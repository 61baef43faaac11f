using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// How the fuzz properties run: a modest count in the test suite, scaled up for a long run
/// outside CI by <c>ACTORIMPORT_FUZZ_CASES</c> (cases per property), replayable from
/// <c>ACTORIMPORT_FUZZ_SEED</c> (FsCheck's seed; the failure message prints the one to use).
/// Each property runs on a thread-pool thread (a 1.5 MB stack, smaller than a main thread's,
/// so a missing recursion guard shows sooner) under a watchdog: a case that does not finish
/// within <see cref="HangLimit"/> fails the test naming the input it was working on.
/// Stateless apart from the per-run <see cref="Current"/> input (one instance per property run).
/// </summary>
internal sealed class FuzzRun
{
    /// <summary>A single case taking this long is a hang (bounded wait only as a hang detector).</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private string _current = "";
    private long _cases;

    /// <summary>Cases per property: <c>ACTORIMPORT_FUZZ_CASES</c> when set, else <paramref name="ciCases"/>.</summary>
    public static int Cases(int ciCases) =>
        int.TryParse(Environment.GetEnvironmentVariable("ACTORIMPORT_FUZZ_CASES"), out int cases) && cases > 0 ? cases : ciCases;

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
    /// </summary>
    public static void Check<T>(string name, Gen<T> inputs, Func<T, string> describe, Action<T> body, Func<Exception, bool> documented, int ciCases, int maxSize = 100)
    {
        var run = new FuzzRun();
        Property property = Prop.ForAll(Arb.From(inputs), (T input) =>
        {
            run._current = describe(input);
            Interlocked.Increment(ref run._cases);
            try
            {
                body(input);
            }
            catch (Exception e) when (documented(e))
            {
            }
            catch (Exception e)
            {
                throw new FuzzFinding($"{name}: undocumented {e.GetType().FullName} for input {run._current}", e);
            }
        });
        Config config = Config.QuickThrowOnFailure
            .WithName(name)
            .WithMaxTest(Cases(ciCases))
            .WithEndSize(maxSize)
            .WithQuietOnSuccess(true)
            .WithReplay(SeedFromEnvironment());
        Task task = Task.Run(() => FsCheck.Check.One(config, property));
        // Hang detector: fail only when no case finished within HangLimit (never a timing assertion).
        long seen = -1;
        while (!task.Wait(HangLimit))
        {
            long now = Interlocked.Read(ref run._cases);
            if (now == seen)
            {
                Assert.Fail($"{name}: no case finished within {HangLimit.TotalSeconds} s after {now} cases (hang?); the input being run: {run._current}");
            }
            seen = now;
        }
        task.GetAwaiter().GetResult();
    }

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
