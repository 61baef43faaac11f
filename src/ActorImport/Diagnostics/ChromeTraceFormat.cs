using System.Text.Json;

namespace ActorImport.Diagnostics;

/// <summary>
/// Writes a <see cref="ChromeTrace"/> in the Trace Event Format's JSON object form,
/// <c>{"traceEvents": [...], "displayTimeUnit": "ms"}</c>, that Perfetto and chrome://tracing
/// open: metadata events ("M") naming the process and each thread's track, then the spans
/// ("X", with <c>ts</c> and <c>dur</c> in microseconds to the nanosecond) and instant events
/// ("i", thread-scoped), sorted by track, start and (longest first) duration, so that a parent
/// precedes the spans nested in it. Every event carries <c>args.chain</c> (and <c>args.depth</c>;
/// <c>args.error</c> for a failure). Stateless.
/// </summary>
public static class ChromeTraceFormat
{
    /// <summary>Writes <paramref name="trace"/> to <paramref name="output"/> as UTF-8 JSON.</summary>
    public static void Write(Stream output, ChromeTrace trace, string processName = "actorimport")
    {
        int pid = Environment.ProcessId;
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartArray("traceEvents");
        Metadata(json, pid, 0, "process_name", processName);
        foreach (var (thread, name) in trace.ThreadNames)
        {
            Metadata(json, pid, thread, "thread_name", name);
        }
        IEnumerable<TraceEvent> ordered = trace.Events
            .OrderBy(e => e.Thread)
            .ThenBy(e => e.Start)
            .ThenByDescending(e => e.Duration)
            .ThenBy(e => e.Phase == 'i' ? 1 : 0);
        foreach (TraceEvent e in ordered)
        {
            json.WriteStartObject();
            json.WriteString("name", e.Name);
            json.WriteString("cat", e.Category);
            json.WriteString("ph", e.Phase.ToString());
            json.WriteNumber("ts", e.Start / 1000m);
            if (e.Phase == 'X')
            {
                json.WriteNumber("dur", e.Duration / 1000m);
            }
            else
            {
                json.WriteString("s", "t");
            }
            json.WriteNumber("pid", pid);
            json.WriteNumber("tid", e.Thread);
            json.WriteStartObject("args");
            json.WriteNumber("chain", e.Chain);
            json.WriteNumber("depth", e.Depth);
            if (e.Error is not null)
            {
                json.WriteString("error", e.Error);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("displayTimeUnit", "ms");
        json.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter json, int pid, int tid, string kind, string name)
    {
        json.WriteStartObject();
        json.WriteString("name", kind);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteString("name", name);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
