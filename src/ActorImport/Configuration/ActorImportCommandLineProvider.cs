using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Loads <see cref="ActorImportCommandLineSource"/>; later arguments win over earlier ones.
/// A <c>--set</c> without <c>key=value</c> is a <see cref="FormatException"/> naming it; a
/// <c>--set</c> value that starts with <c>[</c> or <c>{</c> is read as HOCON (a list or an object).
/// A <c>--set</c> path that starts with <c>akka</c> sets Akka.NET's section, any other is under
/// <c>actor-import</c> (<see cref="OverrideKeys"/>).
/// Thread-safety: as <see cref="ConfigurationProvider"/>.
/// </summary>
public sealed class ActorImportCommandLineProvider : ConfigurationProvider
{
    private const string FullPrefix = "--" + ActorImportOptions.SectionName;

    private readonly ActorImportCommandLineSource _source;

    public ActorImportCommandLineProvider(ActorImportCommandLineSource source) => _source = source;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var args = _source.Args;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == ActorImportCommandLineSource.SetSwitch)
            {
                if (i + 1 >= args.Count)
                {
                    throw new FormatException("--set needs a setting: --set bytecode.mode=checked-hash");
                }

                Set(data, args[++i], arg + " " + args[i]);
            }
            else if (arg.StartsWith(ActorImportCommandLineSource.SetSwitch + "=", StringComparison.Ordinal))
            {
                Set(data, arg[(ActorImportCommandLineSource.SetSwitch.Length + 1)..], arg);
            }
            else if (arg.StartsWith(FullPrefix + ":", StringComparison.OrdinalIgnoreCase)
                || arg.StartsWith(FullPrefix + ".", StringComparison.OrdinalIgnoreCase))
            {
                string body = arg[2..];
                int equals = body.IndexOf('=');
                if (equals >= 0)
                {
                    data[ToKey(body[..equals])] = body[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    data[ToKey(body)] = args[++i];
                }
                else
                {
                    throw new FormatException($"{arg} needs a value: {arg}=value");
                }
            }
        }

        Data = data;
    }

    private static void Set(Dictionary<string, string?> data, string setting, string shown)
    {
        int equals = setting.IndexOf('=');
        if (equals <= 0)
        {
            throw new FormatException($"'{shown}' is not key=value (for example --set bytecode.mode=checked-hash)");
        }

        string path = setting[..equals].Trim();
        OverrideKeys.Add(data, OverrideKeys.KeyFor(path.Split('.', ':')), setting[(equals + 1)..], shown);
    }

    /// <summary>A dotted or colon path as a configuration key.</summary>
    private static string ToKey(string path) => path.Replace('.', ':');
}
