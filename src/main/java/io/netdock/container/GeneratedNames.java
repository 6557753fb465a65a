package io.netdock.container;

import java.security.SecureRandom;
import java.util.List;

/** Docker-style {@code adjective_surname} names for containers created without one. */
final class GeneratedNames {

    private static final List<String> LEFT = List.of("admiring", "agitated", "amazing", "angry", "awesome",
            "blissful", "bold", "brave", "busy", "charming", "clever", "cool", "compassionate", "confident",
            "cranky", "dazzling", "determined", "distracted", "dreamy", "eager", "ecstatic", "elastic", "elated",
            "elegant", "epic", "festive", "focused", "friendly", "funny", "gallant", "gifted", "goofy", "gracious",
            "happy", "hopeful", "hungry", "inspiring", "jolly", "jovial", "keen", "kind", "laughing", "loving",
            "lucid", "modest", "musing", "naughty", "nervous", "nice", "nifty", "nostalgic", "objective",
            "optimistic", "peaceful", "pedantic", "pensive", "practical", "priceless", "quirky", "quizzical",
            "relaxed", "reverent", "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic", "strange",
            "stupefied", "suspicious", "sweet", "tender", "thirsty", "trusting", "upbeat", "vibrant", "vigilant",
            "vigorous", "wizardly", "wonderful", "xenodochial", "youthful", "zealous", "zen");

    private static final List<String> RIGHT = List.of("albattani", "allen", "archimedes", "babbage", "banach",
            "bardeen", "bartik", "bell", "bhabha", "blackwell", "bohr", "booth", "borg", "bose", "brahmagupta",
            "brown", "carson", "cerf", "chandrasekhar", "curie", "darwin", "diffie", "dijkstra", "easley",
            "einstein", "elion", "engelbart", "euclid", "euler", "faraday", "fermat", "fermi", "feynman",
            "franklin", "galileo", "gauss", "goldberg", "goodall", "hamilton", "hawking", "heisenberg", "hellman",
            "hertz", "hodgkin", "hopper", "hypatia", "jackson", "jennings", "johnson", "kalam", "keller", "kepler",
            "khorana", "knuth", "lamarr", "lamport", "leakey", "lovelace", "lumiere", "mayer", "mccarthy",
            "mcclintock", "meitner", "mendel", "merkle", "mirzakhani", "montalcini", "moore", "morse", "napier",
            "nash", "newton", "nobel", "noether", "pascal", "pasteur", "perlman", "pike", "poincare", "ptolemy",
            "raman", "ritchie", "rosalind", "sammet", "shannon", "shaw", "sinoussi", "stonebraker", "swartz",
            "tesla", "thompson", "torvalds", "turing", "volhard", "wilbur", "williams", "wing", "wozniak",
            "wright", "yalow", "yonath");

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedNames() {
    }

    static String next(int attempt) {
        String name = LEFT.get(RANDOM.nextInt(LEFT.size())) + "_" + RIGHT.get(RANDOM.nextInt(RIGHT.size()));
        return attempt == 0 ? name : name + RANDOM.nextInt(10);
    }
}
