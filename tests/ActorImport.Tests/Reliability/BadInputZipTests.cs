using System.IO.Compression;
using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Reliability;

/// <summary>
/// Truncated and corrupt zip files on the search path: CPython's path hook raises
/// ZipImportError, the entry gets no finder (None in the path importer cache) and the import
/// goes on to the next entry, or ends in ModuleNotFoundError. Each case is compared with python3.
/// </summary>
public abstract class BadInputZipTests : BadInputTestBase
{
    public static readonly TheoryData<string> Kinds = ["truncated", "garbage", "empty", "no-central-directory", "bad-central-offset", "bad-member-offset", "not-a-zip"];

    private string WriteBroken(string kind)
    {
        string good = Tree["good.zip"];
        using (ZipArchive archive = ZipFile.Open(good, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("zm.py").Open());
            writer.Write("X = 1\n");
        }
        byte[] data = File.ReadAllBytes(good);
        File.Delete(good);
        int eocd = data.AsSpan().LastIndexOf("PK\x05\x06"u8);
        int central = data.AsSpan().IndexOf("PK\x01\x02"u8);
        byte[] broken = kind switch
        {
            "truncated" => data[..(data.Length / 2)],
            "garbage" => [(byte)'P', (byte)'K', 3, 4, .. new byte[100]],
            "empty" => [],
            "no-central-directory" => data[..central],
            "bad-central-offset" => Patch(data, eocd + 16, 0x7FFFFF00),
            "bad-member-offset" => Patch(data, central + 42, 0x7FFFFF00),
            "not-a-zip" => System.Text.Encoding.ASCII.GetBytes("X = 1\n"),
            _ => throw new ArgumentException(kind),
        };
        return WriteBytes($"{kind}.zip", broken);
    }

    private static byte[] Patch(byte[] data, int offset, uint value)
    {
        byte[] copy = [.. data];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    [PythonTheory]
    [MemberData(nameof(Kinds))]
    public void ABrokenZipIsSkippedAsInCPython(string kind)
    {
        string zip = WriteBroken(kind);
        Tree.Write("after.py", "Y = 2\n");
        string[] names = ["zm", "after", "zm"];
        ImportOutcome[] cpython = BadInputOracle.Import([zip, Tree.Root], names);
        ImportEngine engine = NewEngine(path: [zip, Tree.Root]);
        for (int i = 0; i < names.Length; i++)
        {
            AssertSame(cpython[i], ImportOutcome.Of(engine, names[i]), $"{kind}: {names[i]}");
        }
        StillImportsAGoodModule(engine);
    }
}

public sealed class BadInputZipTestsUnderActors : BadInputZipTests
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;
}

public sealed class BadInputZipTestsUnderLocks : BadInputZipTests
{
    protected override CoordinationMode Mode => CoordinationMode.Locks;
}
