namespace VaeFaces.Ml.Evaluation;

/// <summary>Count of Of cases that went right; Fraction is NaN when there was nothing to count.</summary>
public readonly record struct EditRate(int Count, int Of)
{
    public double Fraction => Of == 0 ? double.NaN : (double)Count / Of;
}
