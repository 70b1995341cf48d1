namespace PerfLint.Check.Sarif;

/// <summary>
/// <c>partialFingerprints.primaryLocationLineHash</c> as GitHub code scanning computes it when an upload lacks it
/// (github/codeql-action <c>src/fingerprints.ts</c>, read 2026-12-05): per line, a rolling hash (base 37, 64-bit
/// wrap-around) of the next 100 characters from the line's start, spaces and tabs skipped, CR and CRLF read as LF, an
/// end-of-file mark (65535) then zeros after the last character; written in lowercase hex with <c>:n</c>, the n-th time
/// that value occurs in the file. Computing it here gives the same value the action would, so alerts keep their
/// identity across uploads that do and do not go through the action.
/// </summary>
public static class LineHash
{
    private const int BlockSize = 100;
    private const ulong Mod = 37;
    private const int EndOfFile = 65535;

    /// <summary>The hashes of every line of <paramref name="text"/>, index 0 = line 1.</summary>
    public static IReadOnlyList<string> OfLines(string text)
    {
        var hashes = new List<string>();
        var window = new int[BlockSize];
        var lineNumbers = Enumerable.Repeat(-1, BlockSize).ToArray();
        var counts = new Dictionary<ulong, int>();
        ulong firstMod = 1;
        for (var i = 0; i < BlockSize; i++)
        {
            firstMod = unchecked(firstMod * Mod);
        }

        ulong hash = 0;
        var index = 0;
        var lineNumber = 0;
        var lineStart = true;
        var previousCr = false;

        void Output()
        {
            counts[hash] = counts.TryGetValue(hash, out var n) ? n + 1 : 1;
            // Lines are emitted in order: the line whose window is complete is always the next one.
            hashes.Add(hash.ToString("x") + ":" + counts[hash]);
            lineNumbers[index] = -1;
        }

        void Update(int current)
        {
            var begin = window[index];
            window[index] = current;
            hash = unchecked((Mod * hash) + (ulong)(long)current - (firstMod * (ulong)(long)begin));
            index = (index + 1) % BlockSize;
        }

        void Process(int current)
        {
            if (current is ' ' or '\t' || (previousCr && current == '\n'))
            {
                previousCr = false;
                return;
            }

            previousCr = current == '\r';
            if (previousCr)
            {
                current = '\n';
            }

            if (lineNumbers[index] != -1)
            {
                Output();
            }

            if (lineStart)
            {
                lineStart = false;
                lineNumbers[index] = ++lineNumber;
            }

            if (current == '\n')
            {
                lineStart = true;
            }

            Update(current);
        }

        foreach (var c in text)
        {
            Process(c);
        }

        Process(EndOfFile);
        for (var i = 0; i < BlockSize; i++)
        {
            if (lineNumbers[index] != -1)
            {
                Output();
            }

            Update(0);
        }

        return hashes;
    }

    /// <summary>The file's line hashes, its bytes decoded as UTF-8 the way the action reads them (a BOM stays a character).</summary>
    public static IReadOnlyList<string> OfFile(string path) => OfLines(new System.Text.UTF8Encoding(false).GetString(File.ReadAllBytes(path)));
}
