using System.Buffers.Binary;
using System.Text;

namespace ActorImport.Python.Caching;

/// <summary>
/// A forward-only reader over a byte array with the encodings <see cref="BinaryWriter"/> uses
/// (LEB128 ints, length-prefixed UTF-8 strings, little-endian u16), without a stream's virtual
/// calls per byte. Running past the end is an <see cref="EndOfStreamException"/>.
/// Not thread-safe: one instance per read.
/// </summary>
internal sealed class ByteCursor
{
    private readonly byte[] _data;
    private readonly int _end;
    private int _position;

    public ByteCursor(byte[] data, int offset, int count)
    {
        _data = data;
        _position = offset;
        _end = offset + count;
    }

    public bool AtEnd => _position == _end;

    public int Remaining => _end - _position;

    public byte ReadByte() => _position < _end ? _data[_position++] : throw new EndOfStreamException();

    public bool ReadBoolean() => ReadByte() != 0;

    public ushort ReadUInt16()
    {
        ReadOnlySpan<byte> span = Take(2);
        return BinaryPrimitives.ReadUInt16LittleEndian(span);
    }

    public int Read7BitEncodedInt()
    {
        uint result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadByte();
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (int)result;
            }
        }
        throw new InvalidDataException("bad 7-bit encoded int");
    }

    public string ReadString()
    {
        int length = Read7BitEncodedInt();
        if (length < 0)
        {
            throw new InvalidDataException("negative string length");
        }
        return Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>The next <paramref name="count"/> bytes, without moving past them.</summary>
    public ReadOnlySpan<byte> Peek(int count) =>
        count <= _end - _position ? new ReadOnlySpan<byte>(_data, _position, count) : throw new EndOfStreamException();

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count > _end - _position)
        {
            throw new EndOfStreamException();
        }
        var span = new ReadOnlySpan<byte>(_data, _position, count);
        _position += count;
        return span;
    }
}
