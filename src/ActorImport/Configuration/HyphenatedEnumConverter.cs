using System.ComponentModel;
using System.Globalization;

namespace ActorImport.Configuration;

/// <summary>
/// Converts configuration spellings of an enum (<c>checked-hash</c>, <c>checked_hash</c>,
/// <c>CheckedHash</c>) to its value and back to the hyphenated form. Numbers are refused, so
/// an unknown value can never bind as an undefined enum member. The option enums live in Model
/// (they are the engine's vocabulary, not the file's), so the converter is attached to them here
/// at bind time with <see cref="EnsureRegistered"/>, as <see cref="HoconTimeSpanConverter"/> is to
/// <see cref="TimeSpan"/>. Thread-safety: stateless.
/// </summary>
public sealed class HyphenatedEnumConverter<TEnum> : EnumConverter
    where TEnum : struct, Enum
{
    public HyphenatedEnumConverter()
        : base(typeof(TEnum))
    {
    }

    /// <summary>
    /// Makes this the converter of <typeparamref name="TEnum"/> for the configuration binder.
    /// Idempotent: it checks TypeDescriptor first; two threads racing here add the same
    /// attribute twice, which is harmless.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (TypeDescriptor.GetConverter(typeof(TEnum)) is HyphenatedEnumConverter<TEnum>)
        {
            return;
        }

        TypeDescriptor.AddAttributes(typeof(TEnum), new TypeConverterAttribute(typeof(HyphenatedEnumConverter<TEnum>)));
    }

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value)!;
        }

        string wanted = Normalise(text);
        foreach (TEnum candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Normalise(candidate.ToString()), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new FormatException($"'{text}' is not one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(ToHyphenated))}");
    }

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is TEnum e ? ToHyphenated(e) : base.ConvertTo(context, culture, value, destinationType);

    /// <summary><c>CheckedHash</c> → <c>checked-hash</c>.</summary>
    public static string ToHyphenated(TEnum value)
    {
        string name = value.ToString();
        var chars = new List<char>(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                chars.Add('-');
            }

            chars.Add(char.ToLowerInvariant(name[i]));
        }

        return new string([.. chars]);
    }

    private static string Normalise(string text) => text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
}
