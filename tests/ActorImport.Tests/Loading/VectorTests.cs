using System.Text.Json;
using ActorImport.Loading;
using ActorImport.Model;

namespace ActorImport.Tests.Loading;

/// <summary>Every recorded CPython vector for source_hash, cache paths and pyc headers.</summary>
public class VectorTests
{
    public static IEnumerable<object[]> SourceHashCases => CpythonVectors.Indexes("source_hash");
    public static IEnumerable<object[]> CacheFromSourceCases => CpythonVectors.Indexes("cache_from_source");
    public static IEnumerable<object[]> SourceFromCacheCases => CpythonVectors.Indexes("source_from_cache");
    public static IEnumerable<object[]> PycHeaderCases => CpythonVectors.Indexes("pyc_headers");

    [Theory]
    [MemberData(nameof(SourceHashCases))]
    public void SourceHashMatchesCPython(int index)
    {
        JsonElement group = CpythonVectors.Get("source_hash");
        JsonElement vector = group.GetProperty("vectors")[index];
        uint magic = group.GetProperty("raw_magic_number").GetUInt32();
        byte[] input = vector.GetProperty("input_hex").GetString() is string hex
            ? Convert.FromHexString(hex)
            : RangeInput(vector);
        Assert.Equal(vector.GetProperty("input_len").GetInt32(), input.Length);

        byte[] hash = ImportUtil.SourceHash(input, magic);

        Assert.Equal(vector.GetProperty("source_hash_hex").GetString(), Convert.ToHexStringLower(hash));
    }

    [Theory]
    [MemberData(nameof(CacheFromSourceCases))]
    public void CacheFromSourceMatchesCPython(int index)
    {
        JsonElement vector = CpythonVectors.Get("cache_from_source")[index];
        string path = vector.GetProperty("path").GetString()!;
        string? optimization = null;
        if (vector.GetProperty("kwargs").TryGetProperty("optimization", out JsonElement opt))
        {
            optimization = opt.ValueKind == JsonValueKind.Number ? opt.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : opt.GetString();
        }
        string? prefix = null;
        if (vector.TryGetProperty("note", out JsonElement note))
        {
            string text = note.GetString()!;
            Assert.StartsWith("with sys.pycache_prefix='", text);
            prefix = text["with sys.pycache_prefix='".Length..^1];
        }
        string tag = CpythonVectors.Get("implementation_cache_tag").GetString()!;

        if (vector.TryGetProperty("error", out JsonElement error))
        {
            var e = Assert.ThrowsAny<PythonException>(() => CachePaths.CacheFromSource(path, optimization, tag, 0, prefix));
            Assert.Equal(vector.GetProperty("error_type").GetString(), e.TypeName);
            Assert.Equal(error.GetString(), e.Message);
        }
        else
        {
            Assert.Equal(vector.GetProperty("result").GetString(), CachePaths.CacheFromSource(path, optimization, tag, 0, prefix));
        }
    }

    [Theory]
    [MemberData(nameof(SourceFromCacheCases))]
    public void SourceFromCacheMatchesCPython(int index)
    {
        JsonElement vector = CpythonVectors.Get("source_from_cache")[index];
        string path = vector.GetProperty("path").GetString()!;
        if (vector.TryGetProperty("error", out JsonElement error))
        {
            var e = Assert.ThrowsAny<PythonException>(() => CachePaths.SourceFromCache(path));
            Assert.Equal(vector.GetProperty("error_type").GetString(), e.TypeName);
            Assert.Equal(error.GetString(), e.Message);
        }
        else
        {
            Assert.Equal(vector.GetProperty("result").GetString(), CachePaths.SourceFromCache(path));
        }
    }

    [Theory]
    [MemberData(nameof(PycHeaderCases))]
    public void PycHeaderMatchesCPython(int index)
    {
        JsonElement group = CpythonVectors.Get("pyc_headers");
        JsonElement vector = group.GetProperty("vectors")[index];
        byte[] source = "x = 1\n"u8.ToArray();
        byte[] sourceHash = ImportUtil.SourceHash(source);
        Assert.Equal(group.GetProperty("source_hash_of_source_hex").GetString(), Convert.ToHexStringLower(sourceHash));

        byte[] header = vector.GetProperty("mode").GetString() switch
        {
            "TIMESTAMP" => PycHeader.Timestamp(1700000000, source.Length),
            "CHECKED_HASH" => PycHeader.Hash(sourceHash, checkSource: true),
            "UNCHECKED_HASH" => PycHeader.Hash(sourceHash, checkSource: false),
            var other => throw new InvalidOperationException($"unknown mode {other}"),
        };

        Assert.Equal(vector.GetProperty("header16_hex").GetString(), Convert.ToHexStringLower(header));
        Assert.Equal(vector.GetProperty("magic_hex").GetString(), Convert.ToHexStringLower(header[..4]));
        Assert.Equal(vector.GetProperty("bytes8_16_hex").GetString(), Convert.ToHexStringLower(header[8..16]));
        // Reading the header back gives the recorded flags, and it validates against its own source.
        Assert.Equal(vector.GetProperty("flags").GetUInt32(), (uint)PycHeader.Classify(header, "m"));
        if (vector.GetProperty("flags").GetUInt32() == 0)
        {
            PycHeader.ValidateTimestamp(header, 1700000000, source.Length, "m");
        }
        else
        {
            PycHeader.ValidateHash(header, sourceHash, "m");
        }
    }

    private static byte[] RangeInput(JsonElement vector)
    {
        // The one vector without input_hex is labelled "(bytes(range(256))*4)[:1000]".
        Assert.Equal("(bytes(range(256))*4)[:1000]", vector.GetProperty("label").GetString());
        return Enumerable.Range(0, 1000).Select(i => (byte)(i % 256)).ToArray();
    }
}
