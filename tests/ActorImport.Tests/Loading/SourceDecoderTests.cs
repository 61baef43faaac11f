using System.Text.Json;
using ActorImport.Loading;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Loading;

/// <summary>DetectEncoding and DecodeSource against python3's tokenize.detect_encoding and importlib.util.decode_source.</summary>
public class SourceDecoderTests
{
    /// <summary>The interesting inputs, as hex, so that python3 sees the same bytes.</summary>
    private static readonly string[] Cases =
    [
        Hex("x = 1\n"),                                                   // no cookie: utf-8
        Hex("# -*- coding: latin-1 -*-\n") + "733d27e927\n".Replace("\n", "0a"), // latin-1 cookie, é as 0xe9
        "efbbbf" + Hex("x = 'é'\r\n"),                                    // BOM, CRLF
        "efbbbf" + Hex("# coding: utf-8\nx = 1\n"),                       // BOM + utf-8 cookie
        "efbbbf" + Hex("# coding: latin-1\nx = 1\n"),                     // BOM + latin-1 cookie: error
        Hex("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\ny = 1\n"), // cookie on line 2
        Hex("x = 1\n# coding: latin-1\n"),                                // cookie on line 2 after code: ignored
        Hex("a = 1\r\nb = 2\rc = 3\r"),                                   // CRLF and CR, trailing CR dropped
        Hex("# coding: klingon\n"),                                       // unknown encoding
        Hex("# coding=UTF_8_SIG_x\n"),                                    // normalised utf-8 spelling
        Hex("\n\n# coding: latin-1\n"),                                   // cookie on line 3: ignored
        "efbbbf",                                                         // only a BOM
        "",                                                               // empty
        "23ff0a" + Hex("x\n"),                                            // first line not UTF-8
        Hex("x = 1\ny = 2\nz = '") + "ff270a",                           // invalid UTF-8 later: UnicodeDecodeError
        Hex("# coding: cp1252\nz = '") + "80270a",                       // cp1252: 0x80 is the euro sign
        Hex("# coding: ascii\nz = '") + "e9270a",                         // ascii rejects 0xe9
    ];

    public static IEnumerable<object[]> CaseIndexes => Enumerable.Range(0, Cases.Length).Select(i => new object[] { i });

    private static readonly Lazy<JsonElement> Oracle = new(() => PythonOracle.RunJson("""
        import sys, json, io, tokenize, importlib.util
        out = []
        for h in sys.argv[1:]:
            data = bytes.fromhex(h)
            r = {}
            try:
                enc, lines = tokenize.detect_encoding(io.BytesIO(data).readline)
                r['encoding'] = enc
                r['lines'] = [l.hex() for l in lines]
            except Exception as e:
                r['detect_error'] = [type(e).__name__, str(e)]
            try:
                r['text'] = importlib.util.decode_source(data)
            except Exception as e:
                r['decode_error'] = [type(e).__name__, str(e)]
            out.append(r)
        print(json.dumps(out))
        """, Cases));

    [PythonTheory]
    [MemberData(nameof(CaseIndexes))]
    public void DetectEncodingMatchesTokenize(int index)
    {
        JsonElement expected = Oracle.Value[index];
        byte[] source = Convert.FromHexString(Cases[index]);
        if (expected.TryGetProperty("detect_error", out JsonElement error))
        {
            var e = Assert.ThrowsAny<PythonException>(() => SourceDecoder.DetectEncoding(source));
            Assert.Equal(error[0].GetString(), e.TypeName);
            Assert.Equal(error[1].GetString(), e.Message);
            return;
        }
        (string encoding, IReadOnlyList<byte[]> lines) = SourceDecoder.DetectEncoding(source);
        Assert.Equal(expected.GetProperty("encoding").GetString(), encoding);
        Assert.Equal(
            expected.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!),
            lines.Select(Convert.ToHexStringLower));
    }

    [PythonTheory]
    [MemberData(nameof(CaseIndexes))]
    public void DecodeSourceMatchesImportlibUtil(int index)
    {
        JsonElement expected = Oracle.Value[index];
        byte[] source = Convert.FromHexString(Cases[index]);
        if (expected.TryGetProperty("decode_error", out JsonElement error))
        {
            var e = Assert.ThrowsAny<PythonException>(() => SourceDecoder.DecodeSource(source));
            Assert.Equal(error[0].GetString(), e.TypeName);
            Assert.Equal(error[1].GetString(), e.Message);
            return;
        }
        Assert.Equal(expected.GetProperty("text").GetString(), SourceDecoder.DecodeSource(source));
    }

    [Fact]
    public void FileNameIsNamedInTheMessage()
    {
        byte[] source = [0xEF, 0xBB, 0xBF, .. "# coding: latin-1\n"u8];
        var e = Assert.Throws<PythonSyntaxError>(() => SourceDecoder.DetectEncoding(source, "/p/m.py"));
        Assert.Equal("encoding problem for '/p/m.py': utf-8", e.Message);
    }

    private static string Hex(string text) => Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(text));
}

/// <summary>PythonCodecs.Decode against python3's bytes.decode for BOM-sniffing and code-page codecs.</summary>
public class PythonCodecsTests
{
    private static readonly (string Hex, string Codec)[] Cases =
    [
        ("fffe61006200", "utf-16"), ("feff00610062", "utf-16"), ("61006200", "utf-16"), ("feff00610062", "utf-16-be"),
        ("fffe000061000000", "utf-32"), ("efbbbf6162", "utf-8-sig"), ("6162", "utf-8-sig"), ("efbbbf6162", "utf-8"),
        ("80e9", "cp1252"), ("e9a4", "iso8859-15"), ("c1c2", "koi8-r"), ("e9", "latin_1"), ("ff", "utf8"),
    ];

    public static IEnumerable<object[]> CaseIndexes => Enumerable.Range(0, Cases.Length).Select(i => new object[] { i });

    private static readonly Lazy<JsonElement> Oracle = new(() => PythonOracle.RunJson("""
        import sys, json
        a = sys.argv[1:]
        out = []
        for h, codec in zip(a[0::2], a[1::2]):
            try:
                out.append(['ok', bytes.fromhex(h).decode(codec)])
            except Exception as e:
                out.append([type(e).__name__, str(e)])
        print(json.dumps(out))
        """, Cases.SelectMany(c => new[] { c.Hex, c.Codec })));

    [PythonTheory]
    [MemberData(nameof(CaseIndexes))]
    public void DecodeMatchesCPython(int index)
    {
        (string hex, string codec) = Cases[index];
        JsonElement want = Oracle.Value[index];
        if (want[0].GetString() == "ok")
        {
            Assert.Equal(want[1].GetString(), PythonCodecs.Decode(Convert.FromHexString(hex), codec));
        }
        else
        {
            var e = Assert.ThrowsAny<PythonException>(() => PythonCodecs.Decode(Convert.FromHexString(hex), codec));
            Assert.Equal(want[0].GetString(), e.TypeName);
            Assert.Equal(want[1].GetString(), e.Message);
        }
    }
}
