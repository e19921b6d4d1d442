namespace GoldenPath.Guardrails;

internal static class PiiCategories
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string PaymentCard = "payment-card";
    public const string Iban = "iban";
    public const string Ssn = "ssn";
    public const string Secret = "secret";
}
