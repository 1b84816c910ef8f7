namespace CareerBot.Knowledge.Text;

/// <summary>
/// The Porter (1980) suffix-stripping algorithm, the same one SQLite FTS5's "porter"
/// tokenizer applies, so that terms compared here agree with terms matched in the index.
/// Stateless; input is a lower-case token.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2)
        {
            return word;
        }

        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return word;
            }
        }

        var b = word.ToCharArray();
        var k = b.Length - 1;
        k = Step1ab(b, k);
        if (k > 0)
        {
            k = Step1c(b, k);
            k = Step2(b, k);
            k = Step3(b, k);
            k = Step4(b, k);
            k = Step5(b, k);
        }

        return new string(b, 0, k + 1);
    }

    private static bool IsConsonant(char[] b, int i) => b[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(b, i - 1),
        _ => true,
    };

    /// <summary>m(): the number of consonant-vowel sequences in b[0..j].</summary>
    private static int Measure(char[] b, int j)
    {
        var n = 0;
        var i = 0;
        while (true)
        {
            if (i > j)
            {
                return n;
            }

            if (!IsConsonant(b, i))
            {
                break;
            }

            i++;
        }

        i++;
        while (true)
        {
            while (true)
            {
                if (i > j)
                {
                    return n;
                }

                if (IsConsonant(b, i))
                {
                    break;
                }

                i++;
            }

            i++;
            n++;
            while (true)
            {
                if (i > j)
                {
                    return n;
                }

                if (!IsConsonant(b, i))
                {
                    break;
                }

                i++;
            }

            i++;
        }
    }

    private static bool VowelInStem(char[] b, int j)
    {
        for (var i = 0; i <= j; i++)
        {
            if (!IsConsonant(b, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DoubleConsonant(char[] b, int j) => j >= 1 && b[j] == b[j - 1] && IsConsonant(b, j);

    /// <summary>cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y.</summary>
    private static bool Cvc(char[] b, int i)
    {
        if (i < 2 || !IsConsonant(b, i) || IsConsonant(b, i - 1) || !IsConsonant(b, i - 2))
        {
            return false;
        }

        return b[i] is not ('w' or 'x' or 'y');
    }

    private static bool EndsWith(char[] b, int k, string s, out int j)
    {
        j = k - s.Length;
        if (s.Length > k + 1)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (b[k - s.Length + 1 + i] != s[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces b[j+1..k] with s and returns the new k.</summary>
    private static int SetTo(char[] b, int j, string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            b[j + 1 + i] = s[i];
        }

        return j + s.Length;
    }

    private static int ReplaceIfMeasured(char[] b, int k, string suffix, string replacement)
    {
        if (EndsWith(b, k, suffix, out var j))
        {
            return Measure(b, j) > 0 ? SetTo(b, j, replacement) : k;
        }

        return -1;
    }

    private static int Step1ab(char[] b, int k)
    {
        if (b[k] == 's')
        {
            if (EndsWith(b, k, "sses", out _))
            {
                k -= 2;
            }
            else if (EndsWith(b, k, "ies", out var j))
            {
                k = SetTo(b, j, "i");
            }
            else if (k >= 1 && b[k - 1] != 's')
            {
                k--;
            }
        }

        if (EndsWith(b, k, "eed", out var jj))
        {
            if (Measure(b, jj) > 0)
            {
                k--;
            }
        }
        else if ((EndsWith(b, k, "ed", out jj) || EndsWith(b, k, "ing", out jj)) && VowelInStem(b, jj))
        {
            k = jj;
            if (EndsWith(b, k, "at", out var j2))
            {
                k = SetTo(b, j2, "ate");
            }
            else if (EndsWith(b, k, "bl", out j2))
            {
                k = SetTo(b, j2, "ble");
            }
            else if (EndsWith(b, k, "iz", out j2))
            {
                k = SetTo(b, j2, "ize");
            }
            else if (DoubleConsonant(b, k))
            {
                if (b[k] is not ('l' or 's' or 'z'))
                {
                    k--;
                }
            }
            else if (Measure(b, k) == 1 && Cvc(b, k))
            {
                k = SetTo(b, k, "e");
            }
        }

        return k;
    }

    private static int Step1c(char[] b, int k)
    {
        if (EndsWith(b, k, "y", out var j) && VowelInStem(b, j))
        {
            b[k] = 'i';
        }

        return k;
    }

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
        ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
        "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    private static int Step2(char[] b, int k) => ApplyFirst(b, k, Step2Rules);

    private static int Step3(char[] b, int k) => ApplyFirst(b, k, Step3Rules);

    private static int ApplyFirst(char[] b, int k, (string Suffix, string Replacement)[] rules)
    {
        // The longest matching suffix wins; the rule tables hold no suffix of another.
        var best = -1;
        for (var r = 0; r < rules.Length; r++)
        {
            if (EndsWith(b, k, rules[r].Suffix, out _) && (best < 0 || rules[r].Suffix.Length > rules[best].Suffix.Length))
            {
                best = r;
            }
        }

        if (best < 0)
        {
            return k;
        }

        var result = ReplaceIfMeasured(b, k, rules[best].Suffix, rules[best].Replacement);
        return result < 0 ? k : result;
    }

    private static int Step4(char[] b, int k)
    {
        string? match = null;
        foreach (var s in Step4Suffixes)
        {
            if (EndsWith(b, k, s, out _) && (match is null || s.Length > match.Length))
            {
                match = s;
            }
        }

        if (match is null)
        {
            return k;
        }

        EndsWith(b, k, match, out var j);
        if (match == "ion" && (j < 0 || b[j] is not ('s' or 't')))
        {
            return k;
        }

        return Measure(b, j) > 1 ? j : k;
    }

    private static int Step5(char[] b, int k)
    {
        if (b[k] == 'e')
        {
            var m = Measure(b, k - 1);
            if (m > 1 || (m == 1 && !Cvc(b, k - 1)))
            {
                k--;
            }
        }

        if (b[k] == 'l' && DoubleConsonant(b, k) && Measure(b, k - 1) > 1)
        {
            k--;
        }

        return k;
    }
}
