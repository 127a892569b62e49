"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { inputClass, labelClass, Panel } from "@/components/page-header";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Image from "next/image";
import { useState } from "react";

import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

type ProductImage = { id: string; colour: string | null; width: number; height: number };

/** Reads a chosen file as base64 (without the `data:…;base64,` prefix), as the upload procedure takes it. */
const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    // readAsDataURL always yields a string.
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });

/** The product's pictures, per colour: upload, see as the shop will (resized), delete after a confirmation. */
export function ProductImages({
  productId,
  images,
  colours,
  editable,
  onChanged,
}: {
  productId: string;
  images: ProductImage[];
  colours: string[];
  editable: boolean;
  onChanged: () => void;
}) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("products");
  const trpc = useTRPC();
  const [colour, setColour] = useState("");
  const [reading, setReading] = useState(false);
  const upload = useMutation(trpc.products.uploadImage.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(trpc.products.deleteImage.mutationOptions({ onSuccess: onChanged }));
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    try {
      upload.mutate({ productId, colour: colour || null, dataBase64: await readBase64(file) });
    } finally {
      setReading(false);
    }
  };
  return (
    <Panel title={t("images")} testId="product-images">
      {images.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noImages")}</p>
      ) : (
        <ul className="grid grid-cols-4 gap-3">
          {images.map((image) => (
            <li key={image.id} className="flex flex-col gap-1" data-testid="product-image">
              <Image
                src={`/api/images/${image.id}`}
                loader={({ src, width }) => `${src}?w=${width}`}
                alt={image.colour ?? t("allColours")}
                width={160}
                height={Math.round((160 * image.height) / image.width)}
                className="rounded-md bg-slate-100 object-cover"
              />
              <span className="text-xs text-slate-600">{image.colour ?? t("allColours")}</span>
              {editable && (
                <ConfirmButton
                  question={t("deleteImageQuestion")}
                  busy={remove.isPending}
                  onConfirm={() => remove.mutate({ imageId: image.id })}
                >
                  {t("deleteImage")}
                </ConfirmButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="mt-4 flex flex-wrap items-end gap-3">
          <label className={labelClass}>
            {t("imageColour")}
            <select className={inputClass} value={colour} onChange={(e) => setColour(e.target.value)}>
              <option value="">{t("allColours")}</option>
              {colours.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className={labelClass}>
            {t("uploadImage")}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif"
              disabled={upload.isPending || reading}
              onChange={(e) => {
                void choose(e.target.files?.[0]);
                e.target.value = "";
              }}
              data-testid="image-upload"
            />
          </label>
          {(upload.isPending || reading) && <span className="text-sm text-slate-600">{t("uploading")}</span>}
        </div>
      )}
      {upload.isError && <ErrorMessage message={errorMessage(upload.error)} />}
      {remove.isError && <ErrorMessage message={errorMessage(remove.error)} />}
    </Panel>
  );
}
