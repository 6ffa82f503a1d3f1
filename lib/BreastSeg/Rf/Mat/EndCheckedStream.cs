namespace BreastSeg.Rf.Mat;

/// <summary>
/// A read-only view of a file for PureHDF that throws when a read would run past the end of the file. PureHDF takes a
/// short read for data, so a damaged size field in an object header made it decode zeros beyond the end of the file
/// for ever (found by fuzzing: 4 flipped bytes of a 3 KB file ran past 30 s and grew to 870 MB).
/// </summary>
internal sealed class EndCheckedStream(FileStream file) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => file.Length;
    public override long Position { get => file.Position; set => file.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length > file.Length - file.Position)
            throw new EndOfStreamException($"a read of {buffer.Length} bytes at byte {file.Position} runs past the end of the {file.Length}-byte file");
        file.ReadExactly(buffer);
        return buffer.Length;
    }

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }
}
