using System.Text;

namespace InventoryMapping.Csv;

/// <summary>
/// Reads RFC 4180 records from an import file's bytes, streaming, from any record boundary: quoted fields (with
/// doubled quotes, delimiters and line breaks inside), CRLF, LF and lone CR line ends mixed, blank lines skipped.
/// Memory is bounded whatever the file holds: a cell keeps at most <see cref="MaxCellChars"/> characters (its full
/// length is counted), a record at most <see cref="MaxFields"/> fields, and with <paramref name="kept"/> only the
/// text of those fields (the others keep their length alone: an unmapped column of any size costs nothing).
/// </summary>
internal sealed class CsvRecordReader(Stream stream, CsvEncoding encoding, char delimiter, long startOffset, long startLine, IReadOnlySet<int>? kept = null)
{
    public const int MaxCellChars = 1024;
    public const int MaxFields = 256;

    private readonly CsvDecoder _decoder = new(stream, encoding);
    private readonly StringBuilder _cell = new();
    private int _peeked = -2;
    private bool _keep = true;
    private long _line = startLine;

    /// <summary>Where the next record starts (bytes from the start of the file).</summary>
    public long Offset => startOffset + _decoder.BytesRead - (_peeked >= 0 ? PeekedBytes : 0);

    /// <summary>The physical line the next record starts on.</summary>
    public long Line => _line;

    private long PeekedBytes { get; set; }

    /// <summary>The next record, or null at the end of the file.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var start = Offset;
            var line = _line;
            var cells = new List<CsvCell>();
            var fields = 0;
            string? problem = null;
            var first = await PeekAsync(cancellationToken);
            if (first < 0)
            {
                return null;
            }

            while (true)
            {
                _keep = kept?.Contains(fields) ?? true;
                var (cell, end, fieldProblem, unclosed) = await ReadFieldAsync(cancellationToken);
                fields++;
                if (cells.Count < MaxFields)
                {
                    cells.Add(cell);
                }

                problem ??= fieldProblem;
                if (unclosed is { } quoteLine)
                {
                    return new CsvRecord(line, start, Offset, cells, fields, $"A quote opened on line {quoteLine} is never closed.") { UnclosedQuoteLine = quoteLine };
                }

                if (end)
                {
                    break;
                }
            }

            if (fields == 1 && cells[0] is { Length: 0, QuoteLine: null } && problem is null)
            {
                continue; // a blank line
            }

            return new CsvRecord(line, start, Offset, cells, fields, problem) { NextLine = _line };
        }
    }

    /// <summary>One field; whether it ended the record; what was wrong with it; the opening line of a quote never closed.</summary>
    private async ValueTask<(CsvCell Cell, bool EndOfRecord, string? Problem, long? Unclosed)> ReadFieldAsync(CancellationToken cancellationToken)
    {
        _cell.Clear();
        long length = 0;
        string? problem = null;
        var c = await NextAsync(cancellationToken);
        if (c == '"')
        {
            var quoteLine = _line;
            while (true)
            {
                c = await NextAsync(cancellationToken);
                if (c < 0)
                {
                    return (Cell(length, quoteLine), true, null, quoteLine);
                }

                if (c == '"')
                {
                    if (await PeekAsync(cancellationToken) == '"')
                    {
                        await NextAsync(cancellationToken);
                        Append('"', ref length);
                        continue;
                    }

                    break;
                }

                if (c == '\n' || (c == '\r' && await PeekAsync(cancellationToken) != '\n'))
                {
                    _line++;
                }

                Append((char)c, ref length);
            }

            // After the closing quote: the delimiter or the end of the record; anything else is kept, and named.
            while (true)
            {
                c = await NextAsync(cancellationToken);
                if (await EndsFieldAsync(c, cancellationToken) is { } endOfRecord)
                {
                    return (Cell(length, quoteLine), endOfRecord, problem, null);
                }

                problem ??= $"Text follows the closing quote of a field opened on line {quoteLine}.";
                Append((char)c, ref length);
            }
        }

        while (true)
        {
            if (await EndsFieldAsync(c, cancellationToken) is { } endOfRecord)
            {
                return (Cell(length, null), endOfRecord, problem, null);
            }

            Append((char)c, ref length);
            c = await NextAsync(cancellationToken);
        }
    }

    /// <summary>Null when <paramref name="c"/> is part of the field; else whether it also ends the record (line end, end of file).</summary>
    private async ValueTask<bool?> EndsFieldAsync(int c, CancellationToken cancellationToken)
    {
        if (c < 0)
        {
            return true;
        }

        if (c == delimiter)
        {
            return false;
        }

        if (c == '\r')
        {
            if (await PeekAsync(cancellationToken) == '\n')
            {
                await NextAsync(cancellationToken);
            }

            _line++;
            return true;
        }

        if (c == '\n')
        {
            _line++;
            return true;
        }

        return null;
    }

    private void Append(char c, ref long length)
    {
        if (_keep && _cell.Length < MaxCellChars)
        {
            _cell.Append(c);
        }

        length++;
    }

    private CsvCell Cell(long length, long? quoteLine) => new(_cell.Length == 0 ? "" : _cell.ToString(), length, quoteLine);

    private async ValueTask<int> NextAsync(CancellationToken cancellationToken)
    {
        if (_peeked != -2)
        {
            var c = _peeked;
            _peeked = -2;
            PeekedBytes = 0;
            return c;
        }

        return await _decoder.ReadAsync(cancellationToken);
    }

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken)
    {
        if (_peeked == -2)
        {
            var before = _decoder.BytesRead;
            _peeked = await _decoder.ReadAsync(cancellationToken);
            PeekedBytes = _decoder.BytesRead - before;
        }

        return _peeked;
    }
}
