using ActorImport.Model;

namespace ActorImport.Configuration;

/// <summary>
/// Maps the bound configuration onto the engine's one bytecode-cache type,
/// <see cref="BytecodeCacheOptions"/>: <c>python.cache-tag</c>, <c>bytecode.mode</c> and
/// <c>bytecode.write</c>; the rest keeps CPython 3.11's defaults. <see cref="BytecodeOptions"/>
/// is only the file's section (mutable, bound and validated with the key names); the engine uses
/// the result of this mapping. Stateless.
/// </summary>
public static class BytecodeCacheOptionsFromOptions
{
    public static BytecodeCacheOptions ToBytecodeCacheOptions(this ActorImportOptions options) => new(options.Python.CacheTag)
    {
        InvalidationMode = options.Bytecode.Mode,
        WriteBytecode = options.Bytecode.Write,
    };
}
