/**
 * The essay Heat Notes is built on, paragraph by paragraph, exactly as written (typographic quotes,
 * the author’s “‘” after “Heat” and all). The source page ended with two lines of page chrome
 * (a “RELATED:” link and “Discussion about this post”); they are not essay and are left out.
 *
 * Paragraph ids are stable: facts cite them, and the essay view uses them as anchors.
 */
export interface EssayParagraph {
  /** "p1" … "p8", in reading order. */
  readonly id: string;
  readonly text: string;
}

export const ESSAY: readonly EssayParagraph[] = [
  {
    id: "p1",
    text: "Michael Mann’s Heat features one of the most iconic scenes in cinema history. It isn’t an explosion. It isn’t a swashbuckling clash to the death. It’s two men talking to each other at a coffee shop. While Al Pacino’s Vincent Hanna and Robert De Niro’s Neil McCauley are adversaries stuck in a typical cops versus robbers rivalry, there’s a mutual respect among them. The camera hops from one to the other as they talk to each other, revealing how much they know about the other. It’s a confrontation where the words carry weight and meaning. There’s no physicality between them, but there’s a sense of finality after this discussion, since everyone knows that only one man will make it out alive at the end of the film.",
  },
  {
    id: "p2",
    text: "This scene triumphs because it’s two acting greats sitting across from each other, but even so, it’s symbolic of how everything clicks together here. Think about this for a second: 1995’s Heat isn’t a revolutionary tale. It’s inspired by the true story of Chicago cop Chuck Adamson chasing after the real-life Neil McCauley, while Mann previously adapted it as the TV movie L.A. Takedown in 1989. Yet, the sum of all its perfect parts ensured that this film changed cinema forever. Every word, every sound, every character, every scene, every decision – it’s the same type of precision that McCauley and his crew apply to their enterprise. Every detail matters more than the audience realizes, and it’s this surgical meticulousness that has served as the template for the likes of The Town and The Dark Knight. (Side note: Check out this fantastic video to see how Christopher Nolan‘s movie learned all its tricks from Heat.)",
  },
  {
    id: "p3",
    text: "A major reason for Heat‘s success is how it blurs the line between hero and villain. In most films, there’s a clear distinction between who’s the protagonist and antagonist of the story. Not here, though. While you don’t have to agree with every character’s decision, you understand why they do what they do. It wasn’t always easy to pull off, as Mann revealed at the 2025 Busan International Film Festival (via Variety). “The motivation for Heat was a challenge,” Mann said, “and the challenge was to tell authentic stories about people who have been as complex as we all are in life.”",
  },
  {
    id: "p4",
    text: "Having said that, it helps that Mann assembled an outrageously talented cast to convey this complexity, because this was an Avengers-level team-up of stars in the mid ’90s. Aside from De Niro and Pacino, there was Val Kilmer, Tom Sizemore, Ashley Judd, Amy Brenneman, Wes Studi, Jon Voight, Ted Levine, Hank Azaria, Diane Venora, Mykelti Williamson, William Fichtner, Tom Noonan, Danny Trejo, Natalie Portman, and even more names. No matter how big or small the part was, everyone showed up and made the most of their screen time. As Mann stated, Heat isn’t about one of them, but all of them. “I don’t think it’s Al Pacino’s film,” he said. “That film’s De Niro’s film, Val Kilmer’s film, Jon Voight’s film, Mykelti Williamson. It was an ensemble of brilliant actors and one of the best experiences ever as a director.”",
  },
  {
    id: "p5",
    text: "Coupled with this character complexity and superb performances is Heat‘s tightrope walk through the genre minefield. Is it action? Is it a crime thriller? Is it a drama? Actually, it’s a bit of everything, as Mann intentionally avoided falling into the traps of convention and expectations. “It isn’t a crime film to me,” he told Scraps from the Loft. “I don’t concern myself that much with genre categorisation. To me, Heat was always a highly structured, realistic, symphonic drama. I never thought of it as doing a genre piece.”",
  },
  {
    id: "p6",
    text: "Mann might be reluctant to label Heat, but there’s no disputing the film is widely regarded as an action classic, thanks to the famous heist and shootout scene. It’s become the stuff of legend, as Mann, cast, and crew tried to make it as realistic and pulsating as possible rather than rely on post-production magic. “We used live ammunition in all the training,” Mann said. “When Val Kilmer does a magazine change, that footage is used to train Delta Force at Fort Bragg because he’s so fast and so good.” That isn’t all, because the reason the scene booms with raw power is because of how it was recorded. “We fired full load blanks and recorded the actual sound during the shooting, and it was frightening because the sound bounced off the building,” Mann added.",
  },
  {
    id: "p7",
    text: "If Heat feels something like a once-in-a-lifetime film, it’s because it is. It’s a reminder of a time in which a filmmaker was entrusted with bringing their vision to life. Mann had the reputation for being a visionary and Warner Bros. backed him. Sure, there were still battles with the studio and fat lips over the $60 million cost of the production, but the fact is Warner Bros. saw the genius in what Mann and Co. were making, trusting in the process and letting them tell the story on their terms.",
  },
  {
    id: "p8",
    text: "The fact that Warner Bros. passed on making Heat 2 in 2025 speaks volumes about how special the original movie is and how messed up the film industry is right now. This is Heat and Michael Mann – just sign the damn blank check and get out of everybody’s way! At least United Artists had the common sense to recognize it would be utter madness to not let Mann make a sequel to the best movie of all time. Maybe in 30 years’ time, we will be talking about Heat 2 in the same way we did the original. Or maybe it’s best to not get attached to anything you are not willing to walk out on in 30 seconds flat.",
  },
];

/** The paragraph with this id; throws on an unknown id so a bad citation fails loudly in tests. */
export function paragraphById(id: string): EssayParagraph {
  const paragraph = ESSAY.find((p) => p.id === id);
  if (!paragraph) throw new Error(`No essay paragraph with id "${id}"`);
  return paragraph;
}

/**
 * 1-based paragraph number for display ("¶ 3"), read from the id ("p3") so that the card, which runs
 * in every page, need not carry the essay's text. The essay tests check that ids follow this order.
 */
export function paragraphNumber(id: string): number {
  const number = /^p([1-9]\d*)$/.exec(id)?.[1];
  if (number === undefined) throw new Error(`No essay paragraph with id "${id}"`);
  return Number(number);
}
