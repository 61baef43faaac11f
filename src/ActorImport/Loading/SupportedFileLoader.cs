using ActorImport.Model;

namespace ActorImport.Loading;

/// <summary>
/// One entry of <c>_get_supported_file_loaders()</c>: a loader factory
/// (<c>loader_class(name, path)</c>) and the file suffixes it handles. The discovery layer owns
/// the loader classes and passes its table to <see cref="ImportUtil.SpecFromFileLocation(string, string?, ILoader?, IReadOnlyList{SupportedFileLoader}?, BytecodeCacheOptions?)"/>.
/// Immutable; safe from any thread if <see cref="Create"/> is.
/// </summary>
public sealed record SupportedFileLoader(Func<string, string, ILoader> Create, IReadOnlyList<string> Suffixes);
