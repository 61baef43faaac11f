using System.Collections;
using System.Text.Json;
using ActorImport.Engine;
using ActorImport.Model;

namespace ActorImport.Stress.Reports;

/// <summary>
/// The <c>--json</c> report of <c>actorimport import</c>, in the fixed format the README
/// documents: <c>requested</c>; <c>results</c> (one list for one thread, a list of lists for
/// <c>--threads N</c>, each entry <c>name</c>, <c>ok</c> and, on failure, <c>error</c> with
/// CPython's type name and message); <c>modules</c>, every module the run added to
/// <c>sys.modules</c> with its <c>file</c>, <c>package</c>, <c>is_package</c>, <c>path</c> and
/// sorted non-dunder <c>names</c>; with threads also <c>threads</c> and <c>initializing</c>.
/// Stateless.
/// </summary>
public static class ImportJsonReport
{
    public static void Write(Stream output, ImportEngine engine, ImportRun run, bool threaded)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("requested");
        foreach (string name in run.Requested)
        {
            json.WriteStringValue(name);
        }
        json.WriteEndArray();
        json.WriteStartArray("results");
        if (threaded)
        {
            foreach (IReadOnlyList<ImportResult> results in run.ResultsByThread)
            {
                json.WriteStartArray();
                WriteResults(json, results);
                json.WriteEndArray();
            }
        }
        else
        {
            WriteResults(json, run.ResultsByThread[0]);
        }
        json.WriteEndArray();
        json.WriteStartObject("modules");
        foreach (string name in run.Added)
        {
            json.WritePropertyName(name);
            WriteModule(json, engine.Modules.TryGetValue(name, out object? module) ? module : null);
        }
        json.WriteEndObject();
        if (threaded)
        {
            json.WriteNumber("threads", run.ResultsByThread.Count);
            json.WriteStartArray("initializing");
            foreach (string name in run.Initializing)
            {
                json.WriteStringValue(name);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter json, IReadOnlyList<ImportResult> results)
    {
        foreach (ImportResult result in results)
        {
            json.WriteStartObject();
            json.WriteString("name", result.Name);
            json.WriteBoolean("ok", result.Ok);
            if (result.Error is { } error)
            {
                json.WriteStartObject("error");
                json.WriteString("type", error.TypeName);
                // str(e): a SyntaxError's names its file and line, as CPython's report prints it.
                json.WriteString("message", error is PythonSyntaxError syntax ? syntax.Describe() : error.Message);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
    }

    /// <summary>One <c>modules</c> entry; a <c>sys.modules</c> value that is not a module (a body may store anything there) has no attributes.</summary>
    private static void WriteModule(Utf8JsonWriter json, object? value)
    {
        var module = value as ModuleObject;
        object? path = module?.GetAttributeOrDefault("__path__");
        json.WriteStartObject();
        WriteString(json, "file", module?.GetAttributeOrDefault("__file__"));
        WriteString(json, "package", module?.GetAttributeOrDefault("__package__"));
        json.WriteBoolean("is_package", path is not null);
        if (path is IEnumerable entries and not string)
        {
            json.WriteStartArray("path");
            foreach (object? entry in entries)
            {
                json.WriteStringValue(entry?.ToString());
            }
            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("path");
        }
        json.WriteStartArray("names");
        foreach (string name in (module?.AttributeNames() ?? []).Where(n => !IsDunder(n)).Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(name);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter json, string property, object? value)
    {
        if (value is string text)
        {
            json.WriteString(property, text);
        }
        else
        {
            json.WriteNull(property);
        }
    }

    /// <summary>A name that both starts and ends with two underscores (left out of <c>names</c>).</summary>
    private static bool IsDunder(string name) => name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal);
}
