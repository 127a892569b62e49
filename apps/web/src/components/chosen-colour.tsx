"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

type ChosenColour = { colour: string | undefined; setColour: (colour: string | undefined) => void };

const Context = createContext<ChosenColour>({ colour: undefined, setColour: () => {} });

/**
 * The colour the shopper picked on a product page, shared by the picker (which sets it) and the gallery (which
 * shows that colour's pictures). They sit in different columns of a server-rendered page, hence a context.
 */
export function ChosenColourProvider({ initial, children }: { initial: string | undefined; children: ReactNode }) {
  const [colour, setColour] = useState(initial);
  return <Context value={{ colour, setColour }}>{children}</Context>;
}

export const useChosenColour = () => useContext(Context);
