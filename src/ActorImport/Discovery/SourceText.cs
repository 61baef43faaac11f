using System.Text;

namespace ActorImport.Discovery;

/// <summary>
/// Decodes module source for <c>get_source</c>. Placeholder until the Loading layer's
/// <c>SourceDecoder.DecodeSource</c> (PEP 263 coding cookies, universal newlines) is merged:
/// it decodes UTF-8 (with or without a BOM) and translates newlines. Stateless.
/// </summary>
internal static class SourceText
{
    public static string Decode(byte[] bytes)
    {
        string text = new UTF8Encoding(false, true).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
