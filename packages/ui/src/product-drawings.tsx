/** @jsxRuntime automatic @jsxImportSource react */
// The pragma: these drawings are also rendered under tsx by the seed script, outside the apps' JSX settings.
/**
 * One drawing per category, in a 400×500 frame, so that a cap looks like a cap and jeans like jeans.
 * `fill` is the garment colour, `shade` its darker tone for seams and details.
 */
type Draw = (fill: string, shade: string) => React.ReactNode;

const tshirt: Draw = (fill, shade) => (
  <>
    <path
      d="M120 140 L170 110 Q200 135 230 110 L280 140 L310 210 L270 225 L265 400 L135 400 L130 225 L90 210 Z"
      fill={fill}
    />
    <path d="M170 110 Q200 150 230 110" fill="none" stroke={shade} strokeWidth="6" />
  </>
);

const shirt: Draw = (fill, shade) => (
  <>
    <path
      d="M125 130 L175 105 L200 130 L225 105 L275 130 L320 300 L285 310 L268 200 L268 410 L132 410 L132 200 L115 310 L80 300 Z"
      fill={fill}
    />
    <path d="M175 105 L200 150 L225 105 L212 100 L200 125 L188 100 Z" fill="white" opacity="0.85" />
    <line x1="200" y1="150" x2="200" y2="410" stroke={shade} strokeWidth="4" />
    {[180, 220, 260, 300, 340, 380].map((y) => (
      <circle key={y} cx="210" cy={y} r="4" fill={shade} />
    ))}
    <rect x="150" y="190" width="35" height="30" fill="none" stroke={shade} strokeWidth="3" />
  </>
);

const hoodie: Draw = (fill, shade) => (
  <>
    <path
      d="M120 150 Q130 80 200 70 Q270 80 280 150 L320 320 L285 330 L270 230 L270 410 L130 410 L130 230 L115 330 L80 320 Z"
      fill={fill}
    />
    <path d="M160 150 Q200 100 240 150 Q200 175 160 150 Z" fill={shade} />
    <path d="M150 310 L250 310 L240 360 L160 360 Z" fill="none" stroke={shade} strokeWidth="5" />
    <line x1="185" y1="165" x2="180" y2="230" stroke="white" strokeWidth="4" />
    <line x1="215" y1="165" x2="220" y2="230" stroke="white" strokeWidth="4" />
  </>
);

const jeans: Draw = (fill, shade) => (
  <>
    <path d="M135 90 L265 90 L290 440 L220 440 L200 190 L180 440 L110 440 Z" fill={fill} />
    <rect x="135" y="90" width="130" height="22" fill={shade} />
    <path d="M145 112 Q160 150 195 130" fill="none" stroke={shade} strokeWidth="3" strokeDasharray="6 4" />
    <path d="M255 112 Q240 150 205 130" fill="none" stroke={shade} strokeWidth="3" strokeDasharray="6 4" />
    <line x1="200" y1="112" x2="200" y2="190" stroke={shade} strokeWidth="3" />
    <circle cx="200" cy="101" r="5" fill="#d4a017" />
  </>
);

const jacket: Draw = (fill, shade) => (
  <>
    <path
      d="M115 130 L170 100 L200 120 L230 100 L285 130 L325 330 L290 340 L275 230 L275 420 L125 420 L125 230 L110 340 L75 330 Z"
      fill={fill}
    />
    <path d="M170 100 L200 180 L230 100" fill={shade} />
    <line x1="200" y1="180" x2="200" y2="420" stroke={shade} strokeWidth="6" />
    {[200, 260, 320].map((y) => (
      <line key={y} x1="125" y1={y} x2="275" y2={y} stroke={shade} strokeWidth="3" opacity="0.5" />
    ))}
    <rect x="140" y="330" width="40" height="8" fill={shade} />
    <rect x="220" y="330" width="40" height="8" fill={shade} />
  </>
);

const dress: Draw = (fill, shade) => (
  <>
    <path
      d="M165 80 L185 80 L200 110 L215 80 L235 80 L245 200 L225 210 L320 440 L80 440 L175 210 L155 200 Z"
      fill={fill}
    />
    <path d="M155 200 Q200 220 245 200" fill="none" stroke={shade} strokeWidth="8" />
    {[140, 180, 220, 260].map((x) => (
      <line
        key={x}
        x1={200 + (x - 200) * 0.2}
        y1="230"
        x2={x - 20}
        y2="440"
        stroke={shade}
        strokeWidth="2"
        opacity="0.5"
      />
    ))}
  </>
);

const shoe: Draw = (fill, shade) => (
  <>
    <path d="M70 330 L90 230 Q150 250 190 230 L260 300 Q340 310 345 350 L345 370 L70 370 Z" fill={fill} />
    <rect x="65" y="365" width="285" height="22" rx="8" fill="white" stroke={shade} strokeWidth="3" />
    {[0, 1, 2, 3].map((i) => (
      <line
        key={i}
        x1={175 + i * 18}
        y1={248 + i * 14}
        x2={205 + i * 18}
        y2={236 + i * 14}
        stroke="white"
        strokeWidth="4"
      />
    ))}
    <path d="M90 230 Q150 250 190 230" fill="none" stroke={shade} strokeWidth="4" />
  </>
);

const bag: Draw = (fill, shade) => (
  <>
    <path d="M150 190 Q150 90 200 90 Q250 90 250 190" fill="none" stroke={shade} strokeWidth="10" />
    <path d="M110 180 L290 180 L305 420 L95 420 Z" fill={fill} />
    <rect
      x="150"
      y="260"
      width="100"
      height="70"
      rx="6"
      fill="none"
      stroke={shade}
      strokeWidth="3"
      strokeDasharray="8 5"
    />
  </>
);

const cap: Draw = (fill, shade) => (
  <>
    <path d="M100 300 Q100 160 200 160 Q300 160 300 300 Z" fill={fill} />
    <path d="M280 290 Q350 290 370 320 L270 320 Z" fill={shade} />
    <rect x="95" y="295" width="210" height="20" fill={shade} />
    <circle cx="200" cy="160" r="10" fill={shade} />
    <path d="M200 165 Q170 220 160 300 M200 165 Q230 220 240 300" fill="none" stroke={shade} strokeWidth="3" />
  </>
);

const socks: Draw = (fill, shade) => (
  <>
    <path
      d="M140 80 L210 80 L210 300 Q210 330 240 340 L300 360 Q330 375 315 410 Q305 430 270 420 L170 390 Q140 380 140 340 Z"
      fill={fill}
    />
    <rect x="140" y="80" width="70" height="30" fill={shade} />
    {[130, 150, 170].map((y) => (
      <line key={y} x1="140" y1={y} x2="210" y2={y} stroke={shade} strokeWidth="6" opacity="0.6" />
    ))}
    <path d="M270 420 Q305 430 315 410 Q300 385 280 380 Z" fill={shade} />
  </>
);

/** Which drawing a category gets; an unknown category falls back to the T-shirt. */
export const drawings: Record<string, Draw> = {
  "t-shirts": tshirt,
  shirts: shirt,
  hoodies: hoodie,
  jeans,
  jackets: jacket,
  dresses: dress,
  shoes: shoe,
  accessories: bag,
  "accessories-cap": cap,
  underwear: socks,
};

/** The accessories category holds bags, caps and more: the title decides which drawing fits. */
export function drawingFor(category: string | undefined, title: string): Draw {
  return drawings[drawingKeyFor(category, title)]!;
}

/** The name of the drawing a product gets (a key of `drawings`). */
export function drawingKeyFor(category: string | undefined, title: string): string {
  if (category === "accessories" && /cap|czapk|beanie/i.test(title)) return "accessories-cap";
  return category && drawings[category] ? category : "t-shirts";
}
