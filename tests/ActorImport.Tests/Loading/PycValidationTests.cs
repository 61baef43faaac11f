using System.Text.Json;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Loading;

/// <summary>PycHeader.Classify / ValidateTimestamp / ValidateHash against python3's own _bootstrap_external functions.</summary>
public class PycValidationTests
{
    private const string Good = "a70d0d0a";

    /// <summary>(header hex, check): check is "classify", "ts:mtime:size" or "hash:hex".</summary>
    private static readonly (string Data, string Check)[] Cases =
    [
        ("00000000" + new string('0', 24), "classify"),
        ("a70d", "classify"),
        ("", "classify"),
        ("27220d0a" + new string('0', 24), "classify"),
        (Good + "0000", "classify"),
        (Good + "04000000" + new string('0', 16), "classify"),
        (Good + "ffffffff" + new string('0', 16), "classify"),
        (Good + "03000000" + new string('0', 16), "classify"),
        (Good + "00000000" + "00f15365" + "06000000", "ts:1700000000:6"),
        (Good + "00000000" + "00f15365" + "06000000", "ts:1700000001:6"),
        (Good + "00000000" + "00f15365" + "06000000", "ts:1700000000:7"),
        (Good + "00000000" + "00f15365" + "06000000", "ts:1700000000:none"),
        (Good + "00000000" + "00f15365" + "06000000", "ts:5995000000:4294967302"),
        (Good + "03000000" + "4c0372aa93f75252", "hash:4c0372aa93f75252"),
        (Good + "03000000" + "4c0372aa93f75252", "hash:4c0372aa93f75253"),
    ];

    public static IEnumerable<object[]> CaseIndexes => Enumerable.Range(0, Cases.Length).Select(i => new object[] { i });

    private static readonly Lazy<JsonElement> Oracle = new(() => PythonOracle.RunJson("""
        import sys, json
        from importlib._bootstrap_external import _classify_pyc, _validate_timestamp_pyc, _validate_hash_pyc
        out = []
        args = sys.argv[1:]
        for data_hex, check in zip(args[0::2], args[1::2]):
            data = bytes.fromhex(data_hex)
            details = {'name': 'pkg.m', 'path': '/p/pkg/m.pyc'}
            try:
                if check == 'classify':
                    r = {'flags': _classify_pyc(data, 'pkg.m', details)}
                elif check.startswith('ts:'):
                    _, mtime, size = check.split(':')
                    _validate_timestamp_pyc(data, int(mtime), None if size == 'none' else int(size), 'pkg.m', details)
                    r = {'ok': True}
                else:
                    _validate_hash_pyc(data, bytes.fromhex(check[5:]), 'pkg.m', details)
                    r = {'ok': True}
            except Exception as e:
                r = {'error': [type(e).__name__, str(e), getattr(e, 'name', None), getattr(e, 'path', None)]}
            out.append(r)
        print(json.dumps(out))
        """, Cases.SelectMany(c => new[] { c.Data, c.Check })));

    [PythonTheory]
    [MemberData(nameof(CaseIndexes))]
    public void MatchesBootstrapExternal(int index)
    {
        (string dataHex, string check) = Cases[index];
        byte[] data = Convert.FromHexString(dataHex);
        JsonElement expected = Oracle.Value[index];
        Func<uint> act = check switch
        {
            "classify" => () => (uint)PycHeader.Classify(data, "pkg.m", "/p/pkg/m.pyc"),
            _ when check.StartsWith("ts:", StringComparison.Ordinal) => () =>
            {
                string[] parts = check.Split(':');
                long? size = parts[2] == "none" ? null : long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                PycHeader.ValidateTimestamp(data, long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), size, "pkg.m", "/p/pkg/m.pyc");
                return 0;
            },
            _ => () =>
            {
                PycHeader.ValidateHash(data, Convert.FromHexString(check[5..]), "pkg.m", "/p/pkg/m.pyc");
                return 0;
            },
        };

        if (expected.TryGetProperty("error", out JsonElement error))
        {
            var e = Assert.ThrowsAny<PythonException>(() => act());
            Assert.Equal(error[0].GetString(), e.TypeName);
            Assert.Equal(error[1].GetString(), e.Message);
            Assert.True(PycHeader.IsRejection(e));
            if (e is ImportError importError)
            {
                Assert.Equal(error[2].GetString(), importError.Name);
                Assert.Equal(error[3].GetString(), importError.Path);
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, error[2].ValueKind);
            }
        }
        else
        {
            uint flags = act();
            if (expected.TryGetProperty("flags", out JsonElement expectedFlags))
            {
                Assert.Equal(expectedFlags.GetUInt32(), flags);
            }
        }
    }
}
