using ActorImport.Loading;

namespace ActorImport.Discovery;

/// <summary>Decodes module source for <c>get_source</c> (<c>importlib.util.decode_source</c>). Stateless.</summary>
internal static class SourceText
{
    public static string Decode(byte[] bytes) => SourceDecoder.DecodeSource(bytes);
}
