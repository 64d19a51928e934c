namespace CustomerAnalytics.SampleData;

/// <summary>Where Olist-style customers live: state shares close to the real dataset's, then a city within the
/// state and a 5-digit zip-code prefix from the city's range. Names are lowercase without accents, as in Olist.</summary>
internal static class BrazilianCities
{
    internal sealed record City(string Name, string State, int ZipFrom, int ZipTo, double Weight);

    // (state, share of customers in the real dataset, its cities with weights)
    private static readonly (string State, double Share, City[] Cities)[] States =
    [
        ("SP", 42.0, [
            new("sao paulo", "SP", 1000, 5999, 15.6), new("campinas", "SP", 13010, 13099, 1.5),
            new("guarulhos", "SP", 7000, 7399, 1.2), new("sao bernardo do campo", "SP", 9600, 9899, 0.94),
            new("santo andre", "SP", 9000, 9299, 0.8), new("osasco", "SP", 6000, 6299, 0.75),
            new("santos", "SP", 11000, 11099, 0.72), new("sao jose dos campos", "SP", 12200, 12249, 0.69),
            new("sorocaba", "SP", 18000, 18109, 0.64), new("jundiai", "SP", 13200, 13219, 0.57),
            new("ribeirao preto", "SP", 14000, 14114, 0.5), new("barueri", "SP", 6400, 6499, 0.4),
            new("mogi das cruzes", "SP", 8700, 8899, 0.39), new("piracicaba", "SP", 13400, 13429, 0.36),
            new("franca", "SP", 14400, 14414, 0.3), new("sao jose do rio preto", "SP", 15000, 15099, 0.3),
            new("bauru", "SP", 17000, 17099, 0.3), new("diadema", "SP", 9900, 9999, 0.3),
            new("carapicuiba", "SP", 6300, 6399, 0.3), new("taubate", "SP", 12000, 12099, 0.25),
            new("indaiatuba", "SP", 13330, 13349, 0.25), new("maua", "SP", 9300, 9399, 0.25),
            new("limeira", "SP", 13480, 13489, 0.2), new("americana", "SP", 13465, 13479, 0.2),
            new("sao carlos", "SP", 13560, 13579, 0.2), new("cotia", "SP", 6700, 6729, 0.2),
            new("taboao da serra", "SP", 6750, 6799, 0.2)]),
        ("RJ", 12.9, [
            new("rio de janeiro", "RJ", 20000, 23799, 6.9), new("niteroi", "RJ", 24000, 24399, 0.9),
            new("sao goncalo", "RJ", 24400, 24799, 0.6), new("nova iguacu", "RJ", 26000, 26099, 0.5),
            new("duque de caxias", "RJ", 25000, 25299, 0.4), new("petropolis", "RJ", 25600, 25779, 0.3),
            new("campos dos goytacazes", "RJ", 28000, 28099, 0.3), new("volta redonda", "RJ", 27200, 27299, 0.2),
            new("macae", "RJ", 27900, 27999, 0.2), new("nova friburgo", "RJ", 28600, 28699, 0.15)]),
        ("MG", 11.7, [
            new("belo horizonte", "MG", 30000, 31999, 2.8), new("juiz de fora", "MG", 36000, 36099, 0.7),
            new("contagem", "MG", 32000, 32399, 0.5), new("uberlandia", "MG", 38400, 38499, 0.45),
            new("betim", "MG", 32500, 32699, 0.3), new("montes claros", "MG", 39400, 39409, 0.2),
            new("divinopolis", "MG", 35500, 35504, 0.2), new("uberaba", "MG", 38000, 38099, 0.2),
            new("ipatinga", "MG", 35160, 35164, 0.15), new("pocos de caldas", "MG", 37700, 37719, 0.15),
            new("varginha", "MG", 37000, 37099, 0.12), new("governador valadares", "MG", 35000, 35099, 0.12)]),
        ("RS", 5.5, [
            new("porto alegre", "RS", 90000, 91999, 1.4), new("caxias do sul", "RS", 95000, 95099, 0.3),
            new("canoas", "RS", 92000, 92499, 0.25), new("pelotas", "RS", 96000, 96099, 0.2),
            new("santa maria", "RS", 97000, 97119, 0.2), new("novo hamburgo", "RS", 93300, 93599, 0.15),
            new("passo fundo", "RS", 99000, 99099, 0.1), new("gravatai", "RS", 94000, 94199, 0.1)]),
        ("PR", 5.1, [
            new("curitiba", "PR", 80000, 82999, 1.5), new("londrina", "PR", 86000, 86099, 0.5),
            new("maringa", "PR", 87000, 87099, 0.4), new("ponta grossa", "PR", 84000, 84099, 0.2),
            new("sao jose dos pinhais", "PR", 83000, 83099, 0.2), new("cascavel", "PR", 85800, 85824, 0.15),
            new("foz do iguacu", "PR", 85850, 85869, 0.12), new("colombo", "PR", 83400, 83419, 0.1)]),
        ("SC", 3.7, [
            new("florianopolis", "SC", 88000, 88099, 0.6), new("joinville", "SC", 89200, 89239, 0.45),
            new("blumenau", "SC", 89000, 89099, 0.4), new("sao jose", "SC", 88100, 88129, 0.3),
            new("itajai", "SC", 88300, 88319, 0.2), new("balneario camboriu", "SC", 88330, 88339, 0.2),
            new("chapeco", "SC", 89800, 89819, 0.15), new("criciuma", "SC", 88800, 88819, 0.15)]),
        ("BA", 3.4, [
            new("salvador", "BA", 40000, 42499, 1.2), new("feira de santana", "BA", 44000, 44099, 0.25),
            new("vitoria da conquista", "BA", 45000, 45099, 0.15), new("lauro de freitas", "BA", 42700, 42709, 0.15),
            new("camacari", "BA", 42800, 42849, 0.1), new("ilheus", "BA", 45650, 45659, 0.08),
            new("itabuna", "BA", 45600, 45609, 0.08)]),
        ("DF", 2.2, [new("brasilia", "DF", 70000, 72799, 1.0)]),
        ("ES", 2.0, [
            new("vila velha", "ES", 29100, 29129, 0.45), new("vitoria", "ES", 29000, 29099, 0.4),
            new("serra", "ES", 29160, 29179, 0.35), new("cariacica", "ES", 29140, 29159, 0.2),
            new("cachoeiro de itapemirim", "ES", 29300, 29309, 0.1), new("linhares", "ES", 29900, 29909, 0.08)]),
        ("GO", 2.0, [
            new("goiania", "GO", 74000, 74899, 1.0), new("aparecida de goiania", "GO", 74900, 74999, 0.3),
            new("anapolis", "GO", 75000, 75159, 0.2), new("rio verde", "GO", 75900, 75909, 0.08)]),
        ("PE", 1.7, [
            new("recife", "PE", 50000, 52999, 0.7), new("jaboatao dos guararapes", "PE", 54000, 54499, 0.25),
            new("olinda", "PE", 53000, 53299, 0.15), new("caruaru", "PE", 55000, 55099, 0.1),
            new("petrolina", "PE", 56300, 56339, 0.1), new("paulista", "PE", 53400, 53499, 0.08)]),
        ("CE", 1.3, [
            new("fortaleza", "CE", 60000, 61599, 0.9), new("caucaia", "CE", 61600, 61699, 0.08),
            new("juazeiro do norte", "CE", 63000, 63099, 0.08), new("sobral", "CE", 62000, 62099, 0.05)]),
        ("PA", 1.0, [
            new("belem", "PA", 66000, 66999, 0.45), new("ananindeua", "PA", 67000, 67199, 0.15),
            new("santarem", "PA", 68000, 68099, 0.08), new("maraba", "PA", 68500, 68509, 0.08)]),
        ("MT", 0.9, [
            new("cuiaba", "MT", 78000, 78099, 0.35), new("varzea grande", "MT", 78100, 78159, 0.12),
            new("rondonopolis", "MT", 78700, 78799, 0.08), new("sinop", "MT", 78550, 78559, 0.07)]),
        ("MA", 0.75, [new("sao luis", "MA", 65000, 65099, 0.4), new("imperatriz", "MA", 65900, 65919, 0.1)]),
        ("MS", 0.7, [
            new("campo grande", "MS", 79000, 79129, 0.45), new("dourados", "MS", 79800, 79849, 0.1),
            new("tres lagoas", "MS", 79600, 79649, 0.05)]),
        ("PB", 0.5, [new("joao pessoa", "PB", 58000, 58099, 0.3), new("campina grande", "PB", 58400, 58449, 0.12)]),
        ("PI", 0.5, [new("teresina", "PI", 64000, 64099, 0.35), new("parnaiba", "PI", 64200, 64219, 0.05)]),
        ("RN", 0.5, [
            new("natal", "RN", 59000, 59139, 0.35), new("parnamirim", "RN", 59140, 59159, 0.08),
            new("mossoro", "RN", 59600, 59649, 0.08)]),
        ("AL", 0.4, [new("maceio", "AL", 57000, 57099, 0.3), new("arapiraca", "AL", 57300, 57319, 0.05)]),
        ("SE", 0.35, [new("aracaju", "SE", 49000, 49099, 0.25), new("nossa senhora do socorro", "SE", 49160, 49169, 0.04)]),
        ("TO", 0.3, [new("palmas", "TO", 77000, 77299, 0.15), new("araguaina", "TO", 77800, 77829, 0.06)]),
        ("RO", 0.25, [new("porto velho", "RO", 76800, 76849, 0.12), new("ji-parana", "RO", 76900, 76939, 0.05)]),
        ("AM", 0.15, [new("manaus", "AM", 69000, 69099, 1.0)]),
        ("AC", 0.08, [new("rio branco", "AC", 69900, 69924, 1.0)]),
        ("AP", 0.07, [new("macapa", "AP", 68900, 68929, 1.0)]),
        ("RR", 0.05, [new("boa vista", "RR", 69300, 69339, 1.0)]),
    ];

    private static readonly double[] StateShares = States.Select(s => s.Share).ToArray();
    private static readonly double[][] CityWeights = States.Select(s => s.Cities.Select(c => c.Weight).ToArray()).ToArray();

    /// <summary>A city, then a zip prefix inside its range, written as 5 digits (leading zeros kept).</summary>
    public static (City City, string ZipPrefix) Pick(SeededRandom random)
    {
        int state = random.Categorical(StateShares);
        var city = States[state].Cities[random.Categorical(CityWeights[state])];
        int zip = random.NextInt(city.ZipFrom, city.ZipTo + 1);
        return (city, zip.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
    }
}
