namespace GoldenPath.Guardrails;

/// <summary>
/// Cyrillic and Greek letters that render like Latin ones. Attackers swap them in to slip past keyword checks
/// ("іgnоrе" with Cyrillic і, о, е), so the normalized view folds them to the Latin letter they imitate.
/// </summary>
internal static class Homoglyphs
{
    public static char Fold(char c) => c switch
    {
        // Cyrillic lower case
        'а' => 'a', 'в' => 'b', 'е' => 'e', 'ё' => 'e', 'к' => 'k', 'м' => 'm', 'н' => 'h', 'о' => 'o', 'р' => 'p',
        'с' => 'c', 'т' => 't', 'у' => 'y', 'х' => 'x', 'ѕ' => 's', 'і' => 'i', 'ї' => 'i', 'ј' => 'j', 'ԁ' => 'd',
        'һ' => 'h', 'ӏ' => 'l', 'ԛ' => 'q', 'ԝ' => 'w', 'ɡ' => 'g', 'ь' => 'b',

        // Cyrillic upper case
        'А' => 'A', 'В' => 'B', 'Е' => 'E', 'К' => 'K', 'М' => 'M', 'Н' => 'H', 'О' => 'O', 'Р' => 'P', 'С' => 'C',
        'Т' => 'T', 'У' => 'Y', 'Х' => 'X', 'Ѕ' => 'S', 'І' => 'I', 'Ј' => 'J', 'Ԁ' => 'D', 'Ԛ' => 'Q', 'Ԝ' => 'W',

        // Greek lower case
        'α' => 'a', 'β' => 'b', 'γ' => 'y', 'ε' => 'e', 'ι' => 'i', 'κ' => 'k', 'ν' => 'v', 'ο' => 'o', 'ρ' => 'p',
        'τ' => 't', 'υ' => 'u', 'χ' => 'x', 'ω' => 'w',

        // Greek upper case
        'Α' => 'A', 'Β' => 'B', 'Ε' => 'E', 'Ζ' => 'Z', 'Η' => 'H', 'Ι' => 'I', 'Κ' => 'K', 'Μ' => 'M', 'Ν' => 'N',
        'Ο' => 'O', 'Ρ' => 'P', 'Τ' => 'T', 'Υ' => 'Y', 'Χ' => 'X',
        _ => c,
    };
}
