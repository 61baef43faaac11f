using System.Globalization;
using System.Text;
using Akka.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// The bridge from our configuration to Akka.NET's: the <c>akka</c> subtree of the layered
/// configuration (akka.hocon read by our own reader, then environment variables and switches)
/// rendered as HOCON text that Akka's <c>ConfigurationFactory.ParseString</c> reads, on top of
/// <see cref="Defaults"/> (the settings this project relies on, repeating akka.hocon's values).
/// Akka's own parser only ever sees this generated text: every key and every value is quoted
/// JSON-style, objects are braces, lists are arrays (a child whose keys are 0, 1, … is a list),
/// so no user-written character can change its shape.
/// Invariant: values keep our reader's text; Akka converts them on use (<c>"30"</c> reads as the
/// number 30, <c>"5s"</c> as a duration, <c>"off"</c> as false). A HOCON <c>null</c>, an empty
/// object and an empty list all reach Akka as <c>null</c> (the flat configuration form keeps no
/// difference between them); a key with a ':' in it cannot be told from a path in that form
/// (no Akka.NET setting has one). Thread-safety: stateless.
/// </summary>
public static class AkkaSection
{
    /// <summary>The configuration section handed to Akka: <c>akka</c>.</summary>
    public const string SectionName = "akka";

    /// <summary>
    /// The dispatcher every import actor runs on (a path in the system's config, as Akka's
    /// dispatcher ids are): its own threads, so threads blocked in a synchronous import never
    /// starve it.
    /// </summary>
    public const string ImportDispatcherId = "akka.actor.actor-import-dispatcher";

    /// <summary>
    /// What this project needs from the <c>akka</c> section when the file does not say (the
    /// values are akka.hocon's): a quiet log, a finite ask timeout, the import dispatcher and
    /// the test time factor.
    /// </summary>
    public const string Defaults = """
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          actor {
            ask-timeout = 5s
            actor-import-dispatcher {
              type = ForkJoinDispatcher
              throughput = 30
              dedicated-thread-pool {
                thread-count = 4
                threadtype = background
              }
            }
          }
          test.timefactor = 1.0
        }
        """;

    /// <summary>The <c>akka</c> section as Akka's <see cref="Config"/>, over <see cref="Defaults"/>.</summary>
    public static Config ToConfig(IConfiguration configuration) =>
        ConfigurationFactory.ParseString(ToHocon(configuration)).WithFallback(ConfigurationFactory.ParseString(Defaults));

    /// <summary>The <c>akka</c> section of <paramref name="configuration"/> as HOCON text (<c>{}</c> without one).</summary>
    public static string ToHocon(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection section = configuration.GetSection(SectionName);
        var text = new StringBuilder("{");
        if (section.Exists())
        {
            WriteQuoted(text, SectionName);
            text.Append(" : ");
            WriteValue(text, section);
        }
        return text.Append('}').ToString();
    }

    private static void WriteValue(StringBuilder text, IConfigurationSection section)
    {
        IConfigurationSection[] children = [.. section.GetChildren()];
        if (children.Length == 0)
        {
            if (section.Value is null)
            {
                text.Append("null");
            }
            else
            {
                WriteQuoted(text, section.Value);
            }
            return;
        }
        if (IsList(children))
        {
            text.Append('[');
            string separator = "";
            foreach (IConfigurationSection item in children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
            {
                text.Append(separator);
                WriteValue(text, item);
                separator = ", ";
            }
            text.Append(']');
            return;
        }
        text.Append('{');
        string comma = "";
        foreach (IConfigurationSection child in children)
        {
            text.Append(comma);
            WriteQuoted(text, child.Key);
            text.Append(" : ");
            WriteValue(text, child);
            comma = ", ";
        }
        text.Append('}');
    }

    /// <summary>Children keyed 0 … n-1 are a list's elements (how the flat form writes arrays).</summary>
    private static bool IsList(IConfigurationSection[] children)
    {
        var indices = new HashSet<int>();
        foreach (IConfigurationSection child in children)
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || !indices.Add(index))
            {
                return false;
            }
        }
        return indices.Min() == 0 && indices.Max() == children.Length - 1;
    }

    /// <summary>A JSON string: quotes, backslashes and control characters escaped.</summary>
    private static void WriteQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }
}
