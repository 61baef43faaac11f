using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ActorImport.Configuration;

/// <summary>
/// Checks a configuration section against the shape of an options class before binding, so
/// that every problem names the configuration key (<c>actor-import:bytecode:mode</c>) rather
/// than the property path the binder reports: keys no property answers to (a typo must not
/// silently fall back to a default; the binder's own unknown-key check ignores
/// <see cref="ConfigurationKeyNameAttribute"/>), objects where a value belongs, single values where a
/// list belongs, and values the
/// property's converter refuses. Thread-safety: stateless.
/// </summary>
internal static class ActorImportOptionsSchema
{
    public static List<string> Check(IConfigurationSection section, Type optionsType)
    {
        var failures = new List<string>();
        Walk(section, optionsType, failures);
        return failures;
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> failures)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(KeyOf, StringComparer.OrdinalIgnoreCase);

        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                failures.Add($"{child.Path} is not a known setting (known here: {string.Join(", ", properties.Keys.Select(k => k.ToLowerInvariant()))})");
                continue;
            }

            var propertyType = property.PropertyType;
            if (IsOptionsClass(propertyType))
            {
                if (child.Value is not null)
                {
                    failures.Add($"{child.Path} must be an object (a section of settings), not a value");
                }

                Walk(child, propertyType, failures);
            }
            else if (propertyType == typeof(List<string>))
            {
                // A layer that sets the key itself (`--set search.path=/a`) would be ignored by the binder.
                if (child.Value is { Length: > 0 })
                {
                    failures.Add($"{child.Path} must be a list (for example [\"auto\", \"/opt/lib\"]), not the single value '{child.Value}'");
                }

                foreach (var element in child.GetChildren().Where(e => e.GetChildren().Any()))
                {
                    failures.Add($"{element.Path} must be a string, not an object or list");
                }
            }
            else if (child.GetChildren().Any())
            {
                failures.Add($"{child.Path} must be a single value, not an object or list");
            }
            else if (child.Value is { } text)
            {
                CheckConvertible(child.Path, text, propertyType, failures);
            }
        }
    }

    private static void CheckConvertible(string key, string text, Type type, List<string> failures)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            var reason = e.InnerException is FormatException or OverflowException && e is not FormatException ? e.InnerException : e;
            failures.Add($"{key}: {reason.Message}");
        }
    }

    private static string KeyOf(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;

    private static bool IsOptionsClass(Type type) =>
        type.IsClass && !type.IsGenericType && type != typeof(string) && type.Namespace == typeof(ActorImportOptions).Namespace;
}
