export type Picture = { id: string; colour: string | null };

/** The pictures to show for a colour: that colour's and those for every colour; all of them when it has none. */
export function picturesFor(images: Picture[], colour: string | undefined): Picture[] {
  const mine = images.filter((i) => !colour || i.colour === colour || i.colour === null);
  return mine.length ? mine : images;
}
