using TorchSharp;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Latent;

/// <summary>Weights (one per latent dimension) and bias of a fitted logistic regression: p(label) = sigmoid(w.z + b).</summary>
public sealed record LogisticFit(float[] Weights, double Bias, int Iterations);

/// <summary>
/// L2-regularised logistic regression of a binary label on z_mean, fitted by damped Newton steps (the objective is
/// convex and the latent small, so a few exact steps beat thousands of gradient steps). It starts from zero and draws
/// nothing at random, so the same codes give the same fit. Classes are weighted to equal total weight: a rare
/// attribute (Bald, Mustache) then moves the normal as much as a common one instead of being absorbed by the bias.
/// </summary>
public static class LogisticRegression
{
    public const double DefaultL2 = 1e-3;

    public static LogisticFit Fit(LatentCodes codes, IReadOnlyList<bool> labels, double l2 = DefaultL2, int maxIterations = 50)
    {
        if (labels.Count != codes.Count) throw new ArgumentException($"{labels.Count} labels for {codes.Count} codes", nameof(labels));
        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Count) throw new ArgumentException("logistic regression needs both classes", nameof(labels));
        if (l2 <= 0) throw new ArgumentOutOfRangeException(nameof(l2), l2, "must be positive: separable data has no unregularised optimum");

        // On the CPU in double precision: N x D is small (thousands x hundreds) and the Hessian solve wants the precision.
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var n = codes.Count;
        var raw = tensor(codes.Mean, [n, codes.Dim]).to(float64);
        // Centred, so the unpenalised bias is near zero and decoupled from the weights; a column of ones carries it.
        var mean = raw.mean([0]);
        var x = cat([raw - mean, ones(n, 1, float64)], 1);
        var y = tensor(labels.Select(l => l ? 1.0 : 0.0).ToArray(), float64);
        var weight = tensor(labels.Select(l => l ? n / (2.0 * positives) : n / (2.0 * (n - positives))).ToArray(), float64);
        var penalty = cat([full(codes.Dim, l2, float64), zeros(1, float64)]);

        Tensor Loss(Tensor beta)
        {
            var z = x.mv(beta);
            return (weight * (nn.functional.softplus(z) - y * z)).mean() + 0.5 * (penalty * beta * beta).sum();
        }

        var beta = zeros(codes.Dim + 1, float64);
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            // Each iteration's N x D temporaries are freed with it; only the new coefficients outlive it.
            using var iteration = torch.NewDisposeScope();
            var p = x.mv(beta).sigmoid();
            var gradient = x.t().mv(weight * (p - y)) / n + penalty * beta;
            var hessian = x.t().mm(x * (weight * p * (1 - p)).unsqueeze(1)) / n + penalty.diag();
            var step = linalg.solve(hessian, gradient);
            // Halve the step until the loss falls enough (Armijo): a full Newton step can overshoot on separable data.
            var loss = Loss(beta).item<double>();
            var decrease = gradient.dot(step).item<double>();
            var t = 1.0;
            while (t > 1e-10 && Loss(beta - t * step).item<double>() > loss - 1e-4 * t * decrease) t /= 2;
            beta = (beta - t * step).MoveToOuterDisposeScope();
            if (t * step.abs().max().item<double>() < 1e-10) break;
        }
        var weights = beta[..codes.Dim];
        // Back to uncentred codes: w.(z - mean) + b0 = w.z + (b0 - w.mean).
        var bias = beta[codes.Dim].item<double>() - weights.dot(mean).item<double>();
        return new LogisticFit(weights.to(float32).data<float>().ToArray(), bias, iterations);
    }
}
