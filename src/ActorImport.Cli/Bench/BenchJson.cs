using ActorImport.Configuration;
using System.Runtime.InteropServices;
using System.Text.Json;
using ActorImport.Model;

namespace ActorImport.Cli.Bench;

/// <summary>
/// <c>actorimport bench --json</c>: the <see cref="BenchReport"/> as one JSON document, schema
/// <c>actorimport-bench/1</c> (fields in docs/benchmarks.md, "Side-by-side: actorimport bench").
/// Times in milliseconds, memory in bytes, ratios and saved fractions unrounded. Stateless.
/// </summary>
internal static class BenchJson
{
    public const string Schema = "actorimport-bench/1";

    public static void Write(Stream stream, BenchReport report)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("workload", report.Workload);
        Strings(json, "entry_points", report.EntryPoints);
        Strings(json, "search_path", report.SearchPath);
        json.WriteString("started_utc", report.StartedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("elapsed_s", report.Elapsed.TotalSeconds);

        json.WriteStartObject("machine");
        json.WriteNumber("processors", Environment.ProcessorCount);
        json.WriteString("os", RuntimeInformation.OSDescription);
        json.WriteString("dotnet", RuntimeInformation.FrameworkDescription);
        json.WriteString("python", report.PythonVersion);
        json.WriteEndObject();

        json.WriteStartObject("settings");
        json.WriteNumber("repetitions", report.Settings.Repetitions);
        json.WriteNumber("warmup", report.Settings.Warmup);
        json.WriteStartArray("threads");
        foreach (int t in report.Settings.Threads)
        {
            json.WriteNumberValue(t);
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("cpython");
        foreach (CPythonResult r in report.CPython)
        {
            json.WriteStartObject();
            json.WriteString("case", r.Case.Cold ? "cold" : "warm");
            json.WriteNumber("threads", r.Case.Threads);
            Samples(json, r.Samples);
            json.WriteNumber("process_median_ms", r.Samples.ProcessMedian ?? 0);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("engine");
        foreach (EngineResult r in report.Engine)
        {
            json.WriteStartObject();
            json.WriteString("coordination", r.Case.CoordinationName);
            json.WriteString("lazy", r.Case.Lazy == LazyImportMode.All ? "all" : "none");
            json.WriteString("cache", r.Case.Cached ? "warm" : "none");
            json.WriteNumber("threads", r.Case.Threads);
            Samples(json, r.Samples);
            json.WriteStartObject("baseline");
            json.WriteString("case", r.Case.Baseline.Cold ? "cold" : "warm");
            json.WriteNumber("threads", r.Case.Baseline.Threads);
            json.WriteEndObject();
            json.WriteNumber("baseline_median_ms", r.BaselineMedian);
            json.WriteNumber("ratio", r.Ratio);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("lazy_payoff");
        foreach (LazyPayoff p in report.LazyPayoff)
        {
            json.WriteStartObject();
            json.WriteString("coordination", p.Coordination.ToString().ToLowerInvariant());
            json.WriteNumber("threads", p.Eager.Case.Threads);
            json.WriteNumber("eager_ms", p.Eager.Samples.Median);
            json.WriteNumber("lazy_ms", p.Lazy.Samples.Median);
            json.WriteNumber("time_saved", p.TimeSaved);
            json.WriteNumber("eager_modules", p.EagerMemory.Modules);
            json.WriteNumber("lazy_modules", p.LazyMemory.Modules);
            json.WriteNumber("eager_retained_bytes", p.EagerMemory.RetainedBytes);
            json.WriteNumber("lazy_retained_bytes", p.LazyMemory.RetainedBytes);
            json.WriteNumber("retained_saved", p.RetainedSaved);
            json.WriteNumber("eager_allocated_bytes", p.EagerMemory.AllocatedBytes);
            json.WriteNumber("lazy_allocated_bytes", p.LazyMemory.AllocatedBytes);
            json.WriteNumber("allocated_saved", p.AllocatedSaved);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("cpython_memory");
        json.WriteNumber("traced_bytes", report.CPythonMemory.RetainedBytes);
        json.WriteNumber("modules", report.CPythonMemory.Modules);
        json.WriteEndObject();

        json.WriteStartArray("scaling");
        foreach (var (side, label, threads, slowdown, cpuSlowdown) in report.Scaling())
        {
            json.WriteStartObject();
            json.WriteString("side", side);
            json.WriteString("configuration", label);
            json.WriteNumber("threads", threads);
            json.WriteNumber("slowdown", slowdown);
            json.WriteNumber("cpu_slowdown", cpuSlowdown);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("pep810");
        json.WriteStartArray("startup_time_saved");
        json.WriteNumberValue(0.5);
        json.WriteNumberValue(0.7);
        json.WriteEndArray();
        json.WriteStartArray("memory_saved");
        json.WriteNumberValue(0.3);
        json.WriteNumberValue(0.4);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    private static void Samples(Utf8JsonWriter json, BenchSamples samples)
    {
        json.WriteNumber("median_ms", samples.Median);
        json.WriteNumber("min_ms", samples.Min);
        json.WriteNumber("cpu_median_ms", samples.CpuMedian);
        json.WriteNumber("modules", samples.Modules);
        json.WriteStartArray("samples_ms");
        foreach (double ms in samples.Milliseconds)
        {
            json.WriteNumberValue(ms);
        }
        json.WriteEndArray();
    }
}
