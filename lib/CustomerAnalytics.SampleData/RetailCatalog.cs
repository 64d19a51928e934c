namespace CustomerAnalytics.SampleData;

/// <summary>A gift-ware product catalogue in the style of the UCI Online Retail data: upper-case descriptions,
/// 5-digit stock codes (some with a letter suffix), prices in GBP, and a few popular best sellers.</summary>
internal sealed class RetailCatalog
{
    internal sealed record Product(string StockCode, string Description, decimal UnitPrice);

    private static readonly string[] Motifs =
    [
        "WHITE", "RED", "PINK", "BLUE", "GREEN", "IVORY", "BLACK", "SILVER", "CREAM", "RED RETROSPOT",
        "PINK POLKADOT", "BLUE POLKADOT", "VINTAGE", "REGENCY", "SPACEBOY", "DOLLY GIRL", "WOODLAND",
        "PAISLEY PARK", "JUMBO", "HEART", "STAR", "BIRD", "FLORAL", "SKULL", "ENGLISH ROSE", "CHRISTMAS",
        "GINGHAM", "BAROQUE", "LOVE", "CHERRY",
    ];

    // Item and its typical unit price in GBP.
    private static readonly (string Item, decimal Price)[] Items =
    [
        ("T-LIGHT HOLDER", 1.25m), ("LUNCH BAG", 1.65m), ("CAKE TIN", 4.95m), ("MUG", 1.25m),
        ("CUSHION COVER", 3.75m), ("ALARM CLOCK", 3.75m), ("TEA SET", 4.95m), ("BUNTING", 2.95m),
        ("DOORSTOP", 4.25m), ("PHOTO FRAME", 2.55m), ("HOT WATER BOTTLE", 4.25m), ("SHOPPER BAG", 1.65m),
        ("PAPER NAPKINS", 0.85m), ("PAPER CUPS", 0.65m), ("GIFT WRAP", 0.42m), ("JAM JAR", 1.25m),
        ("HANGING HEART", 2.55m), ("METAL LANTERN", 3.39m), ("COAT HANGER", 2.75m), ("NESTING BOXES", 7.65m),
        ("CHILDRENS APRON", 1.95m), ("PLASTERS IN TIN", 1.65m), ("JUMBO BAG", 1.95m), ("PARTY BUNTING", 4.65m),
        ("WALL CLOCK", 8.50m), ("TRINKET BOX", 1.25m), ("CANDLE", 0.85m), ("STORAGE JAR", 2.95m),
        ("CAKE CASES", 0.55m), ("CHOPPING BOARD", 2.95m), ("HAND WARMER", 2.10m), ("KEY RING", 0.42m),
        ("NOTEBOOK", 1.65m), ("PICNIC BASKET", 5.95m), ("BAKING SET", 4.95m), ("WOODEN FRAME", 2.55m),
    ];

    private readonly Product[] _products;
    private readonly double[] _popularity;

    /// <summary>Postage line that overseas customers pay (stock code POST, as in the real data).</summary>
    public static readonly Product Postage = new("POST", "POSTAGE", 18.00m);

    // Other non-product lines of the real file (codes and descriptions as it writes them); prices set per line.
    /// <summary>Postage of the web shop's orders, mostly on invoices without a customer.</summary>
    public static readonly Product DotcomPostage = new("DOT", "DOTCOM POSTAGE", 0m);
    /// <summary>Carriage, a flat 50.</summary>
    public static readonly Product Carriage = new("C2", "CARRIAGE", 50.00m);
    /// <summary>A manual price adjustment (positive on a sale, negative on a cancellation).</summary>
    public static readonly Product Manual = new("M", "Manual", 0m);
    /// <summary>A discount, written as a cancellation line.</summary>
    public static readonly Product Discount = new("D", "Discount", 0m);
    /// <summary>Bank charges, a flat 15.</summary>
    public static readonly Product BankCharges = new("BANK CHARGES", "Bank Charges", 15.00m);
    /// <summary>Marketplace fees, large cancellation lines without a customer.</summary>
    public static readonly Product AmazonFee = new("AMAZONFEE", "AMAZON FEE", 0m);
    /// <summary>Commission paid to a charity shop partner, cancellation lines of one customer.</summary>
    public static readonly Product CrukCommission = new("CRUK", "CRUK Commission", 0m);
    /// <summary>Samples written off, cancellation lines without a customer.</summary>
    public static readonly Product Samples = new("S", "SAMPLES", 0m);

    public RetailCatalog(SeededRandom random, int size = 400)
    {
        var names = new HashSet<string>();
        var codes = new HashSet<string>();
        var products = new List<Product>();
        while (products.Count < size)
        {
            var (item, basePrice) = Items[random.NextInt(Items.Length)];
            string motif = Motifs[random.NextInt(Motifs.Length)];
            decimal price = basePrice;
            string name;
            double shape = random.NextDouble();
            if (shape < 0.12)
            {
                int n = random.NextInt(3, 7);
                name = $"SET OF {n} {motif} {item}{(item.EndsWith('S') ? "" : "S")}";
                price = Math.Round(basePrice * n * 0.8m, 2);
            }
            else if (shape < 0.14) name = $"{item} , {motif}"; // the real file has a few descriptions with " , "
            else name = $"{motif} {item}";
            if (!names.Add(name)) continue;

            string code;
            do
            {
                code = random.NextInt(20600, 24000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (random.Bernoulli(0.15)) code += "ABCDEFGHJKLMNPRSW"[random.NextInt(17)];
            } while (!codes.Add(code));
            // Small variations of the catalogue price, in whole pence.
            price = Math.Max(0.19m, price + random.NextInt(-3, 4) * 0.10m);
            products.Add(new Product(code, name, price));
        }
        _products = products.ToArray();
        // Zipf-like popularity: a few best sellers, a long tail.
        _popularity = Enumerable.Range(1, size).Select(rank => DeterministicMath.Exp(-0.8 * DeterministicMath.Log(rank))).ToArray();
    }

    public Product Pick(SeededRandom random) => _products[random.Categorical(_popularity)];

    /// <summary>A quantity typical for the price: cheap items go by the dozen, dear ones singly.</summary>
    public static int Quantity(SeededRandom random, decimal price)
    {
        ReadOnlySpan<int> choices = price < 1m ? [12, 24, 36, 48, 72, 96, 144, 100, 25]
            : price < 3m ? [6, 12, 4, 2, 1, 3, 8, 10, 24, 48]
            : price < 6m ? [4, 6, 2, 1, 3, 8, 12, 24]
            : [2, 1, 4, 3, 6, 12];
        // Earlier choices are more common.
        int index = Math.Min(choices.Length - 1, (int)(random.Exponential(choices.Length / 3.0)));
        return choices[index];
    }
}
