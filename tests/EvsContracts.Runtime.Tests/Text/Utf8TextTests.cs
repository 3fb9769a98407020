using System.Text;
using System.Text.RegularExpressions;

namespace EvsContracts.Runtime.Tests.Text;

public sealed class Utf8TextTests
{
    [Theory]
    [InlineData(255, 'a', 255)]
    [InlineData(85, '中', 255)]
    [InlineData(86, '中', 258)]
    [InlineData(10, 'é', 20)]
    public void Counts_repeated_characters(int count, char c, int bytes)
    {
        Assert.Equal(bytes, Utf8Text.GetByteCount(new string(c, count)));
        Assert.Equal(count, Utf8Text.CountCodePoints(new string(c, count)));
    }

    [Fact]
    public void An_emoji_is_four_bytes_and_one_code_point()
    {
        string emoji64 = string.Concat(Enumerable.Repeat("\U0001F600", 64));
        Assert.Equal(128, emoji64.Length);
        Assert.Equal(256, Utf8Text.GetByteCount(emoji64));
        Assert.Equal(64, Utf8Text.CountCodePoints(emoji64));
    }

    [Theory]
    [InlineData(@"\uD800", 3, 1)]
    [InlineData(@"\uDC00", 3, 1)]
    [InlineData(@"a\uD83D", 4, 2)]
    [InlineData(@"\uDE00\uD83D", 6, 2)]
    [InlineData(@"\uD83D\uD83D\uDE00", 7, 2)]
    public void A_lone_surrogate_counts_as_U_FFFD(string escaped, int bytes, int codePoints)
    {
        // Theory data travels as UTF-8, which cannot carry a lone surrogate; it is written escaped instead.
        string s = Regex.Unescape(escaped);
        Assert.Equal(bytes, Utf8Text.GetByteCount(s));
        Assert.Equal(Encoding.UTF8.GetByteCount(s), Utf8Text.GetByteCount(s));
        Assert.Equal(codePoints, Utf8Text.CountCodePoints(s));
    }

    [Fact]
    public void Null_and_empty_count_zero()
    {
        Assert.Equal(0, Utf8Text.GetByteCount((string?)null));
        Assert.Equal(0, Utf8Text.GetByteCount(string.Empty));
        Assert.Equal(0, Utf8Text.CountCodePoints(null));
    }

    [Fact]
    public void Agrees_with_the_framework_encoder_on_random_text()
    {
        // Mixes every width, pairs and lone surrogates; a fixed seed keeps a failure reproducible.
        var random = new Random(20240229);
        char[] alphabet = ['a', 'Z', '\u007F', '\u0080', 'é', '\u07FF', '\u0800', '中', '\uFFFF', '\uD83D', '\uDE00', '\uDBFF', '\uDFFF'];
        for (int round = 0; round < 500; round++)
        {
            var text = new char[random.Next(0, 200)];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = alphabet[random.Next(alphabet.Length)];
            }

            string s = new(text);
            Assert.Equal(Encoding.UTF8.GetByteCount(s), Utf8Text.GetByteCount(s));
            Assert.Equal(CountRunes(s), Utf8Text.CountCodePoints(s));
        }
    }

    [Fact]
    public void Counting_allocates_nothing()
    {
        string text = "abc中文\U0001F600\uD800" + new string('x', 500);
        long total = 0;
        long allocated = Allocations.LeastOfThreeRuns(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                total += Utf8Text.GetByteCount(text) + Utf8Text.CountCodePoints(text);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(total > 0);
    }

    private static int CountRunes(string s)
    {
        int count = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
